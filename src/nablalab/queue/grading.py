"""One grading job: claim the submission, grade it in the sandbox while a heartbeat keeps
the lease, store the report once. Infrastructure errors release the claim (the submission is
retried, or ends "failed — not your fault"); the learner's own errors are part of the report.
"""

from __future__ import annotations

import logging
import os
import socket
import tempfile
import threading
from pathlib import Path
from types import TracebackType

from django.db import connection

from nablalab.assignments import catalog
from nablalab.grader.harness import grade
from nablalab.web.ops.metrics import GRADING_SECONDS
from nablalab.web.submissions import lifecycle
from nablalab.web.submissions.models import Status, Submission

log = logging.getLogger(__name__)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.current_thread().name}"


class Heartbeat:
    """Renews the claim's lease every third of its length until the block ends."""

    def __init__(self, claim: lifecycle.Claim) -> None:
        self.claim = claim
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._beat, daemon=True,
                                       name=f"heartbeat-{claim.submission_id}")

    def _beat(self) -> None:
        interval = lifecycle.lease().total_seconds() / 3
        try:
            while not self.stop.wait(interval):
                if not lifecycle.heartbeat(self.claim):
                    return  # the claim was lost: finish() will notice too
        finally:
            connection.close()  # this thread's own connection

    def __enter__(self) -> Heartbeat:
        self.thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.stop.set()
        self.thread.join()


def grade_submission(submission_id: int) -> Status | None:
    """Grade one submission if it is still queued; the status it ended in (None: skipped)."""
    claim = lifecycle.claim(submission_id, worker_name())
    if claim is None:
        return None
    submission = Submission.objects.only("assignment", "source").get(pk=submission_id)
    try:
        with Heartbeat(claim), GRADING_SECONDS.time():
            report = _grade(submission.assignment, submission.source)
    except Exception as error:  # not the learner's doing: the sandbox or the grader failed
        log.exception("grading submission %s failed", submission_id)
        return lifecycle.release(claim, f"{type(error).__name__}: {error}")
    return Status.GRADED if lifecycle.finish(claim, report) else None


def _grade(assignment: str, source: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="nablalab-submission-") as tmp:
        path = Path(tmp) / "submission.py"
        path.write_text(source, encoding="utf-8")
        return grade(catalog.load(assignment), path).to_dict()
