"""Rate limits per learner (signed in) or per address (anonymous), kept in Django's cache.

With NABLALAB_CACHE_URL (Redis) every app server counts together; with the default
local-memory cache each server process counts separately, so the limit a client meets is at
most the rate times the number of workers: a brake on abuse, not a quota. Rates come from
``settings.API_RATES`` at each request, so a deployment (or a test) can change them without
reloading the app.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from ninja.throttling import SimpleRateThrottle

from nablalab.web.client_address import client_address
from nablalab.web.shared_cache import or_skip


class LearnerRateThrottle(SimpleRateThrottle):
    def __init__(self, scope: str) -> None:
        self.scope = scope
        super().__init__()

    def get_rate(self) -> str:
        return settings.API_RATES[self.scope]

    def allow_request(self, request: HttpRequest) -> bool:
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return or_skip(lambda: super(LearnerRateThrottle, self).allow_request(request), True,
                       f"rate limit {self.scope!r}")

    def get_cache_key(self, request: HttpRequest) -> str:
        user = getattr(request, "user", None)
        who = f"user-{user.pk}" if user is not None and user.is_authenticated else (
            f"addr-{client_address(request)}")
        return self.cache_format % {"scope": self.scope, "ident": who}
