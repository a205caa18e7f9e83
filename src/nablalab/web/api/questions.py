"""The "try it" questions of the course, read from the content on the server (never from the
client), once per process."""

from __future__ import annotations

from functools import cache

from django.conf import settings

from nablalab.course import TryIt, load_course


@cache
def try_its() -> dict[str, TryIt]:
    return load_course(settings.CONTENT_DIR).try_its()


def find_try_it(question_id: str) -> TryIt | None:
    return try_its().get(question_id)
