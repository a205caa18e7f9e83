"""Adaptive practice latency, in process through Django's test client (SQLite, one learner
with a history of answers over many skills).

Each operation is timed end to end through the views (session, database, template):

- "practise now": after "next question", the POST that chooses (load the profile, plan,
  pick a template and a fresh seed, or a ready variant from the pool) and the GET of the
  page it redirects to (the variant, the render), each against the page target p99 <= 50 ms
  (and the two together, for context). First with the fresh-variant pool stopped, so the
  page generates the variant with SymPy (how it was before the pool), then with the pool
  started and warm, as in a server worker;
- "record an answer": check the answer, turn it into skill evidence, update BKT and the
  FSRS cards in the database, and redirect — against the answer-check target, p99 <= 150 ms.

Between questions the bench waits until the pool has refilled, as a learner reading the
feedback would (refills run between requests; a refill takes well under a second).

Run: .venv/bin/python -m bench.adaptive_latency
"""

from __future__ import annotations

import os
from typing import Any

from bench._django_latency import report, row, setup_django, timed, warm_pool

ROUNDS = 150
REFILL_WAIT = 60.0  # seconds at most between questions for the pool to refill
TARGETS_MS = {"practise now": 50.0, "record an answer": 150.0}


def _learner() -> Any:
    from django.contrib.auth.models import User
    from django.test import Client

    from nablalab.adaptive import Evidence, skill_map
    from nablalab.web.mastery.store import record_evidence

    learner = User.objects.create_user("bench", "bench@example.org", "a-bench-passphrase-1")
    for skill in list(skill_map().skills)[:30]:  # a history: 30 skills, several answers each
        record_evidence(learner, [Evidence(skill, s) for s in (1.0, 0.0, 1.0, 0.5)],
                        source="practise now")
    client = Client()
    client.force_login(learner)
    return client


def _practise(client: Any, rounds: int, between: Any) -> dict[str, list[float]]:
    """``rounds`` questions: seconds for each request ("next", "page", "answer")."""
    from nablalab.web.mastery.practise import SESSION_KEY, generate
    from nablalab.web.quizzes import sheet

    seconds: dict[str, list[float]] = {"next": [], "page": [], "answer": []}
    for index in range(rounds):
        between()
        took, chosen = timed(lambda: client.post("/mastery/practise/next/"))
        assert chosen.status_code == 302, chosen.status_code
        seconds["next"].append(took)
        took, page = timed(lambda: client.get("/mastery/practise/"))
        assert page.status_code == 200, page.status_code
        seconds["page"].append(took)
        stored = client.session[SESSION_KEY]
        variant = generate(stored["template"], stored["seed"])
        typed = {sheet.field_name(0, p.name): p.typed() if index % 2 else
                 (p.typed(p.mistakes[0].value) if p.mistakes else "0") for p in variant.parts}
        took, response = timed(lambda t=typed: client.post("/mastery/practise/answer/", t))
        assert response.status_code == 302, response.status_code
        seconds["answer"].append(took)
    return seconds


def _rows(phase: str, seconds: dict[str, list[float]]) -> list[dict[str, Any]]:
    both = [a + b for a, b in zip(seconds["next"], seconds["page"], strict=True)]
    return [row(f"practise now, {phase}: next question (POST)", seconds["next"],
                TARGETS_MS["practise now"]),
            row(f"practise now, {phase}: question page (GET)", seconds["page"],
                TARGETS_MS["practise now"]),
            row(f"practise now, {phase}: POST + GET together", both, None)]


def main() -> None:
    setup_django()
    from nablalab.assess.questions.pool import POOL

    client = _learner()
    unpooled = _practise(client, ROUNDS, between=lambda: None)
    warm_seconds = warm_pool()
    pooled = _practise(client, ROUNDS, between=lambda: POOL.wait_until_idle(REFILL_WAIT))
    POOL.stop()
    report("adaptive_latency", [
        *_rows("pool stopped", unpooled), *_rows("warm pool", pooled),
        row("record an answer", pooled["answer"], TARGETS_MS["record an answer"]),
    ], rounds=ROUNDS, pool_warm_up_seconds=round(warm_seconds, 1),
        pooled_per_template=POOL.per_template, load_average=os.getloadavg())


if __name__ == "__main__":
    main()
