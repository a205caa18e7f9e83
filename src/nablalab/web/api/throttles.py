"""Rate limits per learner (signed in) or per address (anonymous), kept in Django's cache.

With the default local-memory cache each server process counts separately, so the limit a
client meets is at most the rate times the number of workers: a brake on abuse, not a quota.
Rates come from ``settings.API_RATES`` at each request, so a deployment (or a test) can
change them without reloading the app.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from ninja.throttling import SimpleRateThrottle


class LearnerRateThrottle(SimpleRateThrottle):
    def __init__(self, scope: str) -> None:
        self.scope = scope
        super().__init__()

    def get_rate(self) -> str:
        return settings.API_RATES[self.scope]

    def allow_request(self, request: HttpRequest) -> bool:
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)

    def get_cache_key(self, request: HttpRequest) -> str:
        user = getattr(request, "user", None)
        who = f"user-{user.pk}" if user is not None and user.is_authenticated else (
            f"addr-{self.get_ident(request)}")
        return self.cache_format % {"scope": self.scope, "ident": who}
