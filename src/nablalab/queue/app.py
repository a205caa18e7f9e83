"""The Huey instance, built from Django settings: SQLite in the data dir, or Redis."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from huey import Huey, RedisHuey, SqliteHuey

QUEUE_NAME = "nablalab-grading"
REDIS_SCHEMES = ("redis", "rediss", "unix")


class QueueConfigError(ValueError):
    """NABLALAB_QUEUE_URL names a queue this app cannot use."""


def build_huey(url: str, sqlite_file: str) -> Huey:
    """Results live in the database, so Huey stores none; the queue only carries ids."""
    if not url:
        return SqliteHuey(QUEUE_NAME, filename=sqlite_file, results=False, timeout=20)
    scheme = urlsplit(url).scheme
    if scheme not in REDIS_SCHEMES:
        raise QueueConfigError(f"NABLALAB_QUEUE_URL={url!r}: use redis://host:6379/0 "
                               "(or leave it unset for the embedded SQLite queue)")
    return RedisHuey(QUEUE_NAME, url=url, results=False)


huey = build_huey(settings.GRADING_QUEUE_URL, str(settings.GRADING_QUEUE_FILE))
