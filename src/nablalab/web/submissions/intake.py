"""Turning what a learner sends (editor text, an uploaded .py or .ipynb) into source to grade,
and the rules a new submission must pass: size, encoding, rate, queue and attempt limits.

Every refusal is a ``Refused`` with a message the learner can act on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from nablalab.assignments.notebook import graded_source
from nablalab.web.submissions.models import IN_PROGRESS, Status, Submission

MAX_SOURCE_BYTES = 64 * 1024
MAX_NOTEBOOK_BYTES = 2 * 2**20  # notebooks carry outputs (plots); only code cells are kept
MAX_IN_PROGRESS = 2  # per learner: the queue is shared, nobody may fill it
ATTEMPTS_PER_DAY = 20  # per assignment; failed-not-your-fault submissions do not count
ATTEMPT_WINDOW = timedelta(hours=24)


class Refused(ValueError):
    """A submission that cannot be accepted, with the reason for the learner."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class Source:
    filename: str
    text: str


def from_editor(text: str) -> Source:
    return Source("submission.py", _checked(text.replace("\r\n", "\n")))


def from_file(filename: str, data: bytes) -> Source:
    """A .py file (UTF-8) or a notebook's code cells, as the grader would take them."""
    name = filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1] or "submission.py"
    lower = name.lower()
    if lower.endswith(".ipynb"):
        if len(data) > MAX_NOTEBOOK_BYTES:
            raise Refused(f"{name} is larger than {MAX_NOTEBOOK_BYTES // 2**20} MB; clear its "
                          "outputs (Kernel → Restart & Clear Output) and try again.", 413)
        try:
            text = graded_source(_utf8(name, data))
        except (ValueError, AttributeError, TypeError) as error:
            raise Refused(f"{name} is not a Jupyter notebook that can be read ({error}).") from None
        return Source(name, _checked(text))
    if not lower.endswith(".py"):
        raise Refused(f"{name}: upload a Python file (.py) or a Jupyter notebook (.ipynb).")
    if len(data) > MAX_SOURCE_BYTES:
        raise Refused(_too_long(len(data)), 413)
    return Source(name, _checked(_utf8(name, data)))


def _utf8(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise Refused(f"{name} is not UTF-8 text (byte {error.start} cannot be read); save it "
                      "as UTF-8 and upload it again.") from None


def _checked(text: str) -> str:
    size = len(text.encode("utf-8"))
    if size > MAX_SOURCE_BYTES:
        raise Refused(_too_long(size), 413)
    if not text.strip():
        raise Refused("The file is empty: write your functions, then submit.")
    if "\x00" in text:
        raise Refused("The file contains NUL bytes: submit Python source text.")
    return text


def _too_long(size: int) -> str:
    return (f"Your code is {size:,} bytes; submissions are limited to "
            f"{MAX_SOURCE_BYTES // 1024} KB. Remove large data or outputs pasted into it.")


def attempts_used(learner: object, assignment: str) -> int:
    since = timezone.now() - ATTEMPT_WINDOW
    return (Submission.objects.filter(learner=learner, assignment=assignment,
                                      created_at__gte=since)
            .exclude(status=Status.FAILED).count())


def accept(learner: object, assignment: str, source: Source, via: str) -> Submission:
    """Store the submission (status queued) and enqueue it once the row is committed."""
    from nablalab.queue.tasks import enqueue_after_commit

    with transaction.atomic():
        if Submission.objects.filter(learner=learner, status__in=IN_PROGRESS).count() >= (
                MAX_IN_PROGRESS):
            raise Refused(f"You already have {MAX_IN_PROGRESS} submissions waiting to be "
                          "graded; wait for them to finish, then submit again.", 429)
        if attempts_used(learner, assignment) >= ATTEMPTS_PER_DAY:
            raise Refused(f"You have used your {ATTEMPTS_PER_DAY} submissions for this "
                          "assignment in the last 24 hours; submissions whose grading failed "
                          "are not counted. Try again later.", 429)
        submission = Submission.objects.create(
            learner=learner, assignment=assignment, filename=source.filename,
            source=source.text, via=via)
        enqueue_after_commit(submission.pk)
    return submission


