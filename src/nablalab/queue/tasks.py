"""The queue's task and the ways work gets onto the queue: after a submission is committed,
and again when a lease expires or a queued submission was never picked up."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import DatabaseError, close_old_connections, transaction

from nablalab.queue import grading
from nablalab.queue.app import huey
from nablalab.web.submissions import lifecycle
from nablalab.web.submissions.models import Status

RETRY_DELAY_SECONDS = 5  # after a worker could not grade (e.g. the sandbox was unavailable)
STALE_QUEUED = timedelta(minutes=2)
DATABASE_RETRIES = 5  # a task whose database call failed (a restart) is tried again, not lost

log = logging.getLogger(__name__)


@huey.task(retries=DATABASE_RETRIES, retry_delay=RETRY_DELAY_SECONDS)
def grade_task(submission_id: int) -> None:
    if grading.grade_submission(submission_id) == Status.QUEUED:
        lifecycle.mark_enqueued(submission_id)
        grade_task.schedule((submission_id,), delay=RETRY_DELAY_SECONDS)


@huey.pre_execute()
def _fresh_connection(task: object) -> None:
    close_old_connections()  # as Django does around each request: drop broken or old ones


@huey.post_execute()
def _release_connections(task: object, task_value: object, exc: object) -> None:
    close_old_connections()


def enqueue(submission_id: int) -> None:
    """Onto the queue first, then note when: if the note fails (the database is restarting)
    the task is already queued; if the queue is unreachable, the row stays queued and the
    workers' reaper enqueues it again after ``STALE_QUEUED``."""
    grade_task(submission_id)
    try:
        lifecycle.mark_enqueued(submission_id)
    except DatabaseError:
        log.warning("submission %s queued; its enqueue time was not saved", submission_id)


def enqueue_after_commit(submission_id: int) -> None:
    """Enqueue once the row is committed, so a worker never looks for a row not yet there. A
    queue that cannot be reached does not fail the learner's request: the submission is
    saved, shown as queued, and enqueued again by the reaper."""
    transaction.on_commit(lambda: enqueue(submission_id), robust=True)


def requeue_lost() -> list[int]:
    """Enqueue again what a dead worker left (expired leases) and what never reached the
    queue; duplicates are harmless (a claim only takes a queued row). Returns their ids."""
    ids = lifecycle.expire_leases() + lifecycle.stale_queued(STALE_QUEUED)
    for submission_id in ids:
        enqueue(submission_id)
    return ids
