"""The shared cache (Redis, when NABLALAB_CACHE_URL names one) holds only the counters behind
rate and sign-in limits. When it is out of reach the limits are skipped and logged, instead
of failing learners' requests: a limit is a brake, and the course must keep working while one
part of the deployment is down. Its timeouts keep an outage to a second per request."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

import redis

TIMEOUT_SECONDS = 1.0
UNREACHABLE = (redis.ConnectionError, redis.TimeoutError)
log = logging.getLogger(__name__)
T = TypeVar("T")


def or_skip(count: Callable[[], T], skipped: T, what: str) -> T:
    """``count()``, or ``skipped`` when the shared cache cannot be reached."""
    try:
        return count()
    except UNREACHABLE as error:
        log.warning("%s skipped: the shared cache is out of reach (%s)", what, error)
        return skipped
