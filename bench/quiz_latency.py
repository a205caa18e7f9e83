"""Quiz page latency, in process through Django's test client (SQLite, enrolled learners).

- A graded attempt's page (5-6 questions): the first view generates every variant with
  SymPy (shown for context); later views — a reload, the page after saving, the page a
  check re-renders — find them in the process's variant cache: target p99 <= 50 ms.
- Starting a practice quiz: the POST that draws the questions and stores the attempt, then
  the attempt page it redirects to. With the fresh-variant pool stopped the page generates
  every variant (how it was before the pool); with the pool warm the draw takes ready
  variants and the page finds them cached: target p99 <= 50 ms for each request.

Between practice quizzes the bench waits until the pool has refilled, as a learner working
through a quiz would (refills run between requests and take well under a second).

Run: .venv/bin/python -m bench.quiz_latency
"""

from __future__ import annotations

import itertools
import os
from typing import Any

from bench._django_latency import report, row, setup_django, timed, warm_pool

LEARNERS = 4  # each starts one attempt at every graded quiz
VIEWS = 150  # cached views of graded attempt pages, round robin over the attempts
PRACTICE_ROUNDS = 120  # practice quizzes started in each phase, round robin over the quizzes
REFILL_WAIT = 60.0
TARGET_MS = 50.0


def _clients() -> list[Any]:
    from django.contrib.auth.models import User
    from django.test import Client

    from nablalab.web.catalog.models import Course
    from nablalab.web.learning.models import Enrolment

    course = Course.objects.get()
    clients = []
    for number in range(LEARNERS):
        learner = User.objects.create_user(f"bench{number}", f"bench{number}@example.org",
                                           "a-bench-passphrase-1")
        Enrolment.objects.create(learner=learner, course=course)
        client = Client()
        client.force_login(learner)
        clients.append(client)
    return clients


def _quizzes(graded: bool) -> list[tuple[str, str]]:
    from nablalab.web.catalog.models import ModuleItem

    kind = "graded-quiz" if graded else "practice-quiz"
    return [(item.module.slug, item.slug) for item in ModuleItem.objects.select_related(
        "module").filter(kind=kind)]


def _start(client: Any, quiz: tuple[str, str]) -> Any:
    response = client.post(f"/quizzes/modules/{quiz[0]}/{quiz[1]}/start/")
    assert response.status_code == 302, (quiz, response.status_code)
    return response


def _graded_pages(clients: list[Any]) -> tuple[list[float], list[float]]:
    """(first views, cached views) of graded attempt pages."""
    attempts = [(client, _start(client, quiz).url) for client in clients
                for quiz in _quizzes(graded=True)]
    first = [timed(lambda c=client, u=url: c.get(u))[0] for client, url in attempts]
    cached = []
    for client, url in itertools.islice(itertools.cycle(attempts), VIEWS):
        seconds, page = timed(lambda c=client, u=url: c.get(u))
        assert page.status_code == 200, page.status_code
        cached.append(seconds)
    return first, cached


def _practice(client: Any, between: Any) -> tuple[list[float], list[float]]:
    """(starts, first pages) of practice quizzes."""
    starts, pages = [], []
    for quiz in itertools.islice(itertools.cycle(_quizzes(graded=False)), PRACTICE_ROUNDS):
        between()
        seconds, response = timed(lambda q=quiz: _start(client, q))
        starts.append(seconds)
        seconds, page = timed(lambda u=response.url: client.get(u))
        assert page.status_code == 200, page.status_code
        pages.append(seconds)
    return starts, pages


def main() -> None:
    setup_django()
    from nablalab.assess.questions.pool import POOL

    clients = _clients()
    first, cached = _graded_pages(clients)
    cold_starts, cold_pages = _practice(clients[0], between=lambda: None)
    warm_seconds = warm_pool()
    warm_starts, warm_pages = _practice(clients[1],
                                        between=lambda: POOL.wait_until_idle(REFILL_WAIT))
    POOL.stop()
    report("quiz_latency", [
        row("graded attempt page, first view (generates)", first, None),
        row("graded attempt page, cached variants", cached, TARGET_MS),
        row("practice quiz start, pool stopped", cold_starts, TARGET_MS),
        row("practice quiz first page, pool stopped (generates)", cold_pages, TARGET_MS),
        row("practice quiz start, warm pool", warm_starts, TARGET_MS),
        row("practice quiz first page, warm pool", warm_pages, TARGET_MS),
    ], graded_attempts=len(first), pool_warm_up_seconds=round(warm_seconds, 1),
        pooled_per_template=POOL.per_template, load_average=os.getloadavg())


if __name__ == "__main__":
    main()
