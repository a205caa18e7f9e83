"""Holding the database to what the learners were told: every acknowledged answer recorded
and none recorded more often than it was sent; every acknowledged submission stored once,
finished (graded, or "failed — not your fault"), graded at most once, with the score its
code deserves.

An answer's record is the skill evidence ``/api/check`` writes: one call writes its
observations with one timestamp, so distinct (learner, question, timestamp) rows count calls.
The journal is read around the query (acknowledgements before, sends after) so requests in
flight can never make a correct system look wrong.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

import psycopg

from bench.multihost.journal import Journal

RECORDED_ANSWERS = """
    SELECT u.username, o.template, count(DISTINCT o.at)
    FROM mastery_observation o JOIN auth_user u ON u.id = o.learner_id
    WHERE o.source = 'try-it' GROUP BY u.username, o.template"""
SUBMISSIONS = """
    SELECT u.username, s.public_id::text, s.status, s.points, s.max_points,
           (SELECT count(*) FROM submissions_gradingevent e
            WHERE e.submission_id = s.id AND e.kind = 'graded'),
           (SELECT count(*) FROM submissions_gradingevent e
            WHERE e.submission_id = s.id AND e.kind IN ('lease-expired', 'released'))
    FROM submissions_submission s JOIN auth_user u ON u.id = s.learner_id"""
UNFINISHED = "SELECT count(*) FROM submissions_submission WHERE status IN ('queued', 'running')"


@dataclass
class Accounts:
    answers_acknowledged: int = 0
    answers_recorded: int = 0
    answers_sent: int = 0
    answers_lost: list[str] = field(default_factory=list)
    answers_counted_twice: list[str] = field(default_factory=list)
    submissions_acknowledged: int = 0
    submissions_stored: int = 0
    submissions_sent: int = 0
    submissions_lost: list[str] = field(default_factory=list)
    submissions_extra: list[str] = field(default_factory=list)  # more rows than sends
    graded: int = 0
    failed_not_your_fault: int = 0
    unfinished: int = 0
    graded_twice: list[str] = field(default_factory=list)
    wrong_score: list[str] = field(default_factory=list)
    graded_again_after_a_lost_worker: int = 0

    @property
    def problems(self) -> list[str]:
        found = []
        for name in ("answers_lost", "answers_counted_twice", "submissions_lost",
                     "submissions_extra", "graded_twice", "wrong_score"):
            items = getattr(self, name)
            if items:
                found.append(f"{name.replace('_', ' ')}: {len(items)} ({', '.join(items[:5])})")
        if self.unfinished:
            found.append(f"{self.unfinished} submission(s) still queued or running")
        return found

    def to_dict(self) -> dict[str, object]:
        return asdict(self) | {"problems": self.problems}


def wait_until_graded(connect: Callable[[], psycopg.Connection], seconds: float) -> int:
    """Wait for the grading queue to empty; the number still unfinished at the end."""
    deadline = time.monotonic() + seconds
    left = -1
    while time.monotonic() < deadline:
        try:
            with connect() as connection:
                left = connection.execute(UNFINISHED).fetchone()[0]
        except psycopg.Error:
            left = -1  # the database is still coming back
        if left == 0:
            return 0
        time.sleep(1)
    return left


def account(connection: psycopg.Connection, journal: Journal) -> Accounts:
    acknowledged, _, _, acknowledged_ids = journal.snapshot()
    recorded = {(user, question): count for user, question, count
                in connection.execute(RECORDED_ANSWERS).fetchall()}
    rows = connection.execute(SUBMISSIONS).fetchall()
    _, sent, submissions_sent, _ = journal.snapshot()
    accounts = Accounts()
    _answers(accounts, acknowledged, sent, recorded)
    _submissions(accounts, acknowledged_ids, submissions_sent, rows)
    return accounts


def _answers(accounts: Accounts, acknowledged: Counter, sent: Counter,
             recorded: dict[tuple[str, str], int]) -> None:
    ours = {key: count for key, count in recorded.items() if key in sent}
    accounts.answers_acknowledged = sum(acknowledged.values())
    accounts.answers_sent = sum(sent.values())
    accounts.answers_recorded = sum(ours.values())
    for key in sorted(set(sent) | set(recorded)):
        stored = recorded.get(key, 0)
        if stored < acknowledged.get(key, 0):
            accounts.answers_lost.append(f"{key[0]}/{key[1]}: {acknowledged[key]} acked, "
                                         f"{stored} stored")
        if stored > sent.get(key, 0):
            accounts.answers_counted_twice.append(f"{key[0]}/{key[1]}: {sent.get(key, 0)} "
                                                  f"sent, {stored} stored")


def _submissions(accounts: Accounts, acknowledged: dict[str, dict[str, str]],
                 sent: dict[str, int], rows: list[tuple]) -> None:
    stored_by_id = {row[1]: row for row in rows}
    per_learner = Counter(row[0] for row in rows)
    accounts.submissions_acknowledged = sum(len(ids) for ids in acknowledged.values())
    accounts.submissions_sent = sum(sent.values())
    accounts.submissions_stored = len(rows)
    for ids in acknowledged.values():
        accounts.submissions_lost += [i for i in ids if i not in stored_by_id]
    for learner, count in per_learner.items():
        if count > sent.get(learner, 0):
            accounts.submissions_extra.append(f"{learner}: {sent.get(learner, 0)} sent, "
                                              f"{count} stored")
    expected = {i: expect for ids in acknowledged.values() for i, expect in ids.items()}
    for _learner, public_id, status, points, max_points, graded_events, retried in rows:
        accounts.graded_again_after_a_lost_worker += bool(retried)
        if status == "graded":
            accounts.graded += 1
            if graded_events != 1:
                accounts.graded_twice.append(f"{public_id} ({graded_events} results)")
            want = expected.get(public_id)
            if want and points != (max_points if want == "full" else 0):
                accounts.wrong_score.append(f"{public_id}: {points}/{max_points}, "
                                            f"expected {want}")
        elif status == "failed":
            accounts.failed_not_your_fault += 1
            if graded_events:
                accounts.graded_twice.append(f"{public_id} (failed, yet has a result)")
        else:
            accounts.unfinished += 1
