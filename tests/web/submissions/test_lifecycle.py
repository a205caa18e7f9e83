"""The grading state machine on the submission row: claims, leases, one result, three tries,
and failed-not-your-fault costing no attempt. Plus a real grading job in the sandbox."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from prometheus_client import REGISTRY

from nablalab.grader.sandbox import SandboxUnavailable
from nablalab.queue.grading import grade_submission
from nablalab.web.submissions import intake, lifecycle
from nablalab.web.submissions.models import GradingEvent, Status, Submission

ASSIGNMENTS = Path(__file__).resolve().parents[3] / "src/nablalab/assignments"
REPORT = {"points": 7, "max_points": 10, "score": 0.7, "summary": "hidden: 2 of 3 passed"}


@pytest.fixture
def queued(learner) -> Submission:
    return Submission.objects.create(learner=learner, assignment="backprop",
                                     filename="a.py", source="x = 1\n")


def _expire(submission: Submission) -> None:
    Submission.objects.filter(pk=submission.pk).update(
        lease_expires_at=timezone.now() - timedelta(seconds=1))


def test_claim_then_finish_stores_the_result_once(queued):
    claim = lifecycle.claim(queued.pk, "w1")
    assert claim is not None and claim.attempt == 1
    assert lifecycle.claim(queued.pk, "w2") is None  # a duplicate delivery takes nothing
    assert lifecycle.heartbeat(claim)
    assert lifecycle.finish(claim, REPORT)
    assert not lifecycle.finish(claim, REPORT)  # storing again changes nothing
    queued.refresh_from_db()
    assert (queued.status, queued.points, queued.score) == (Status.GRADED, 7, 0.7)
    assert queued.events.filter(kind=GradingEvent.Kind.GRADED).count() == 1
    assert lifecycle.claim(queued.pk, "w3") is None


def test_an_expired_lease_goes_back_to_the_queue_and_the_old_claim_cannot_store(queued):
    first = lifecycle.claim(queued.pk, "killed-worker")
    _expire(queued)
    assert lifecycle.expire_leases() == [queued.pk]
    queued.refresh_from_db()
    assert queued.status == Status.QUEUED
    second = lifecycle.claim(queued.pk, "w2")
    assert second is not None and second.attempt == 2
    assert not lifecycle.heartbeat(first)
    assert not lifecycle.finish(first, REPORT)  # the killed worker woke up: too late
    assert lifecycle.finish(second, REPORT)
    kinds = list(queued.events.values_list("kind", flat=True))
    assert kinds == ["claimed", "lease-expired", "claimed", "graded"]


def test_three_lost_attempts_end_as_failed_not_your_fault(queued, learner):
    for attempt in range(1, lifecycle.MAX_GRADING_ATTEMPTS + 1):
        claim = lifecycle.claim(queued.pk, f"w{attempt}")
        assert claim.attempt == attempt
        _expire(queued)
        lifecycle.expire_leases()
    queued.refresh_from_db()
    assert queued.status == Status.FAILED and not queued.uses_attempt
    assert queued.get_status_display() == "grading failed — not your fault, no attempt used"
    assert lifecycle.claim(queued.pk, "w4") is None
    assert intake.attempts_used(learner, "backprop") == 0


def test_a_release_retries_then_fails(queued):
    for attempt in range(1, lifecycle.MAX_GRADING_ATTEMPTS + 1):
        claim = lifecycle.claim(queued.pk, "w")
        expected = Status.FAILED if attempt == lifecycle.MAX_GRADING_ATTEMPTS else Status.QUEUED
        assert lifecycle.release(claim, "SandboxUnavailable: bwrap missing") == expected
    queued.refresh_from_db()
    assert "bwrap missing" in queued.failure


def test_stale_queued_rows_are_found_again(queued):
    assert lifecycle.stale_queued(timedelta(minutes=5)) == []
    Submission.objects.filter(pk=queued.pk).update(
        created_at=timezone.now() - timedelta(minutes=10))
    assert lifecycle.stale_queued(timedelta(minutes=5)) == [queued.pk]
    lifecycle.mark_enqueued(queued.pk)
    assert lifecycle.stale_queued(timedelta(minutes=5)) == []


@pytest.mark.parametrize(("source", "score"), [("reference.py", 1.0), ("starter.py", 0.0)])
def test_a_grading_job_runs_the_sandboxed_grader(learner, source, score):
    submission = Submission.objects.create(
        learner=learner, assignment="backprop", filename=source,
        source=(ASSIGNMENTS / "backprop" / source).read_text())
    timed = REGISTRY.get_sample_value("nablalab_grading_seconds_count") or 0
    assert grade_submission(submission.pk) == Status.GRADED
    assert REGISTRY.get_sample_value("nablalab_grading_seconds_count") == timed + 1
    submission.refresh_from_db()
    assert submission.score == score
    report = submission.report
    assert report["hidden"]["total"] > 0 and report["public"]["total"] > 0
    assert (report["hidden"]["passed"] == report["hidden"]["total"]) == (score == 1.0)
    assert grade_submission(submission.pk) is None  # a second delivery grades nothing


def test_a_grader_that_cannot_run_retries_then_fails_not_your_fault(queued, monkeypatch):
    def no_sandbox(*_args: object) -> None:
        raise SandboxUnavailable("bubblewrap (bwrap) is not installed")

    monkeypatch.setattr("nablalab.queue.grading.grade", no_sandbox)
    assert grade_submission(queued.pk) == Status.QUEUED
    assert grade_submission(queued.pk) == Status.QUEUED
    assert grade_submission(queued.pk) == Status.FAILED
    queued.refresh_from_db()
    assert "bwrap" in queued.failure and queued.grading_attempts == 3
    assert not queued.events.filter(kind=GradingEvent.Kind.GRADED).exists()


def test_a_database_hiccup_after_queueing_still_leaves_the_task_queued(queued, monkeypatch):
    from django.db import DatabaseError

    from nablalab.queue import tasks
    pushed = []
    monkeypatch.setattr(tasks, "grade_task", pushed.append)

    def restarting(_pk: int) -> None:
        raise DatabaseError("the database system is shutting down")
    monkeypatch.setattr(lifecycle, "mark_enqueued", restarting)
    tasks.enqueue(queued.pk)  # no exception: the learner's request succeeds
    assert pushed == [queued.pk]


def test_an_unreachable_queue_does_not_fail_the_submission(queued, monkeypatch,
                                                          django_capture_on_commit_callbacks):
    from nablalab.queue import tasks

    def unreachable(_pk: int) -> None:
        raise ConnectionError("redis is unreachable")
    monkeypatch.setattr(tasks, "grade_task", unreachable)
    with django_capture_on_commit_callbacks(execute=True):
        tasks.enqueue_after_commit(queued.pk)
    queued.refresh_from_db()
    assert queued.status == Status.QUEUED and queued.enqueued_at is None  # the reaper's job
    assert queued.pk in lifecycle.stale_queued(timedelta(0))
