"""The grading state machine, as conditional UPDATEs on the submission row.

    queued --claim--> running --finish--> graded
      ^                  |  +-release (could not grade)--> queued, or failed after 3
      +--lease expired---+  (worker killed: heartbeat stopped) ... or failed after 3

Every transition out of ``running`` names the claim token it expects, so only the worker
holding the current claim can store a result, and a result is stored exactly once. Failed
submissions are the system's fault: they use none of the learner's attempts.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from nablalab.web.submissions.models import GradingEvent, Status, Submission

MAX_GRADING_ATTEMPTS = 3
FAILED_MESSAGE = ("Grading failed — not your fault, and no attempt was used. "
                  "Please submit again in a little while.")


@dataclass(frozen=True)
class Claim:
    """A worker's right to grade one submission until its lease runs out."""

    submission_id: int
    token: str
    attempt: int
    worker: str


def lease() -> timedelta:
    return timedelta(seconds=settings.GRADING_LEASE_SECONDS)


def mark_enqueued(submission_id: int) -> None:
    Submission.objects.filter(pk=submission_id).update(enqueued_at=timezone.now())


def claim(submission_id: int, worker: str) -> Claim | None:
    """Take a queued submission for grading; None if it is not queued (already taken, graded,
    failed, or a duplicate delivery of the same task)."""
    token = uuid.uuid4().hex
    with transaction.atomic():
        taken = Submission.objects.filter(pk=submission_id, status=Status.QUEUED).update(
            status=Status.RUNNING, claim_token=token, worker=worker[:120],
            lease_expires_at=timezone.now() + lease(),
            grading_attempts=F("grading_attempts") + 1)
        if not taken:
            return None
        attempt = Submission.objects.values_list("grading_attempts", flat=True).get(
            pk=submission_id)
        GradingEvent.objects.create(submission_id=submission_id, kind=GradingEvent.Kind.CLAIMED,
                                    attempt=attempt, worker=worker[:120])
    return Claim(submission_id, token, attempt, worker)


def _held(claim: Claim) -> dict[str, object]:
    return {"pk": claim.submission_id, "status": Status.RUNNING, "claim_token": claim.token}


def heartbeat(claim: Claim) -> bool:
    """Extend the lease; False when the claim was lost (the lease expired and was reclaimed)."""
    return bool(Submission.objects.filter(**_held(claim)).update(
        lease_expires_at=timezone.now() + lease()))


def finish(claim: Claim, report: dict) -> bool:
    """Store the grader's report, once: False if this claim no longer holds the row."""
    with transaction.atomic():
        stored = Submission.objects.filter(**_held(claim)).update(
            status=Status.GRADED, report=report, points=report["points"],
            max_points=report["max_points"], score=report["score"], graded_at=timezone.now(),
            claim_token="", lease_expires_at=None)
        if stored:
            GradingEvent.objects.create(submission_id=claim.submission_id,
                                        kind=GradingEvent.Kind.GRADED, attempt=claim.attempt,
                                        worker=claim.worker, detail=report.get("summary", ""))
    return bool(stored)


def release(claim: Claim, reason: str) -> Status | None:
    """The worker could not grade (not the learner's code: e.g. the sandbox is unavailable).
    Back to the queue, or failed after the last attempt; None if the claim was lost."""
    return _retire(claim.submission_id, claim.token, claim.attempt, GradingEvent.Kind.RELEASED,
                   reason, claim.worker)


def expire_leases() -> list[int]:
    """Running submissions whose worker stopped renewing its lease (killed, frozen): queued
    again, or failed after the last attempt. Returns the ids to enqueue again."""
    expired = Submission.objects.filter(status=Status.RUNNING,
                                        lease_expires_at__lt=timezone.now())
    requeue = []
    for pk, token, attempt, worker in expired.values_list(
            "pk", "claim_token", "grading_attempts", "worker"):
        status = _retire(pk, token, attempt, GradingEvent.Kind.LEASE_EXPIRED,
                         f"{worker or 'the worker'} stopped renewing its lease", worker)
        if status == Status.QUEUED:
            requeue.append(pk)
    return requeue


def stale_queued(older_than: timedelta) -> list[int]:
    """Queued submissions enqueued longer ago than ``older_than`` (or never: the web process
    died between saving and enqueueing): their ids, to enqueue again (duplicates are safe)."""
    cutoff = timezone.now() - older_than
    stale = Submission.objects.filter(status=Status.QUEUED, created_at__lt=cutoff).exclude(
        enqueued_at__gte=cutoff)
    return list(stale.values_list("pk", flat=True))


def _retire(pk: int, token: str, attempt: int, kind: str, reason: str,
            worker: str) -> Status | None:
    final = attempt >= MAX_GRADING_ATTEMPTS
    status = Status.FAILED if final else Status.QUEUED
    with transaction.atomic():
        moved = Submission.objects.filter(pk=pk, status=Status.RUNNING, claim_token=token).update(
            status=status, claim_token="", lease_expires_at=None,
            failure=reason[:2000] if final else F("failure"))
        if not moved:
            return None
        GradingEvent.objects.create(submission_id=pk, kind=kind, attempt=attempt,
                                    worker=worker[:120], detail=reason[:2000])
        if final:
            GradingEvent.objects.create(submission_id=pk, kind=GradingEvent.Kind.FAILED,
                                        attempt=attempt, detail=reason[:2000])
    return status
