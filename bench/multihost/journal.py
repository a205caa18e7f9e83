"""What the simulated learners did and were told: every request's latency and status, every
answer and submission they sent and the ones the server acknowledged. Thread-safe; the
accounting compares it with the database, the report summarises it per phase."""

from __future__ import annotations

import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Outcome:
    phase: str
    kind: str  # page, check, submit, poll, signup, token
    at: float  # monotonic seconds at the end of the request
    ms: float
    status: int  # 0: no HTTP response at all (connection refused or reset, timeout)
    said: str  # for an error: what the learner was shown (short)

    @property
    def ok(self) -> bool:
        return 0 < self.status < 400


@dataclass
class SubmissionLog:
    sent: int = 0
    acknowledged: dict[str, str] = field(default_factory=dict)  # public id -> "full" | "zero"


class Journal:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.phase = "start"
        self.outcomes: list[Outcome] = []
        self.answers_sent: Counter[tuple[str, str]] = Counter()  # (learner, question)
        self.answers_acknowledged: Counter[tuple[str, str]] = Counter()
        self.submissions: dict[str, SubmissionLog] = defaultdict(SubmissionLog)
        self.statuses_seen: Counter[tuple[str, str]] = Counter()  # (phase, status text)

    def request(self, kind: str, phase: str, started: float, status: int,
                said: str = "") -> None:
        """One request, counted in the phase it was sent in (a request a fault held up
        belongs to the fault, not to whatever follows it)."""
        now = time.monotonic()
        with self._lock:
            self.outcomes.append(Outcome(phase, kind, now, (now - started) * 1000, status,
                                         said))

    def answer_sent(self, learner: str, question: str) -> None:
        """Counted before the request leaves, so the database never holds more than this."""
        with self._lock:
            self.answers_sent[learner, question] += 1

    def answer_acknowledged(self, learner: str, question: str) -> None:
        """Counted after the server's answer, so the database holds at least this."""
        with self._lock:
            self.answers_acknowledged[learner, question] += 1

    def snapshot(self) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]],
                                dict[str, int], dict[str, dict[str, str]]]:
        """Acknowledged answers, sent answers, submissions sent and acknowledged, copied."""
        with self._lock:
            return (Counter(self.answers_acknowledged), Counter(self.answers_sent),
                    {name: log.sent for name, log in self.submissions.items()},
                    {name: dict(log.acknowledged) for name, log in self.submissions.items()})

    def submission_sent(self, learner: str) -> None:
        with self._lock:
            self.submissions[learner].sent += 1

    def submission_acknowledged(self, learner: str, public_id: str, expect: str) -> None:
        with self._lock:
            self.submissions[learner].acknowledged[public_id] = expect

    def status_seen(self, text: str) -> None:
        with self._lock:
            self.statuses_seen[self.phase, text] += 1

    def in_phase(self, phase: str) -> list[Outcome]:
        """Requests sent in ``phase`` or in one of its parts (``phase:part``)."""
        with self._lock:
            return [o for o in self.outcomes
                    if o.phase == phase or o.phase.startswith(f"{phase}:")]
