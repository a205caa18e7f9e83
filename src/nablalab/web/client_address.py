"""The address a request came from, for per-address limits. Behind nginx every request
arrives from nginx, and the client's address is the last one nginx appended to
X-Forwarded-For; the entries before it are whatever the client chose to send, so only the
last ``settings.TRUSTED_PROXIES`` hops are believed."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    proxies = settings.TRUSTED_PROXIES
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
                 if part.strip()]
    if proxies and forwarded:
        return forwarded[-min(proxies, len(forwarded))]
    return request.META.get("REMOTE_ADDR", "")
