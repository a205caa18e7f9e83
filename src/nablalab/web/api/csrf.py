"""Signed-in requests carry a session cookie, so every API operation that reads or changes a
learner's data must also see the page's CSRF token; anonymous requests hold no ambient
authority and need none."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.utils import check_csrf


def require_csrf_for_sessions(request: HttpRequest) -> None:
    if request.user.is_authenticated and check_csrf(request) is not None:
        raise HttpError(403, "The security token is missing or out of date: reload the page "
                             "and try again.")
