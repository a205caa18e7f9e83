"""A submission and its grading life, one learner's API tokens.

A submission row is the source of truth for grading: the queue only carries its id. Workers
claim a row with a fresh ``claim_token`` and a lease they keep renewing; every later write
is a conditional UPDATE on that token, so a worker that lost its claim (killed, or too slow)
can never store a result, and a result is stored once. ``GradingEvent`` records each step
so a submission's history (claims, expired leases, the one result) can be audited.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse


class Status(models.TextChoices):
    QUEUED = "queued", "queued"
    RUNNING = "running", "running"
    GRADED = "graded", "graded"
    FAILED = "failed", "grading failed — not your fault, no attempt used"


IN_PROGRESS = (Status.QUEUED, Status.RUNNING)


class Submission(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="assignment_submissions")
    assignment = models.CharField(max_length=40, db_index=True)
    filename = models.CharField(max_length=200)
    source = models.TextField()
    via = models.CharField(max_length=10, default="web")  # web, upload or cli
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    created_at = models.DateTimeField(auto_now_add=True)
    enqueued_at = models.DateTimeField(null=True, blank=True)
    # Grading claim: who holds it and until when (renewed by the worker's heartbeat).
    claim_token = models.CharField(max_length=32, blank=True)
    lease_expires_at = models.DateTimeField(null=True, blank=True)
    worker = models.CharField(max_length=120, blank=True)
    grading_attempts = models.PositiveSmallIntegerField(default=0)
    graded_at = models.DateTimeField(null=True, blank=True)
    # The result (report.to_dict() from the grader) and its headline figures.
    report = models.JSONField(null=True, blank=True)
    points = models.PositiveIntegerField(null=True, blank=True)
    max_points = models.PositiveIntegerField(null=True, blank=True)
    score = models.FloatField(null=True, blank=True)
    failure = models.TextField(blank=True)  # why grading failed (for staff; not the learner's)

    class Meta:
        ordering = ("-created_at", "-id")
        indexes = (models.Index(fields=["learner", "assignment", "created_at"]),
                   models.Index(fields=["status", "lease_expires_at"]))

    def __str__(self) -> str:
        return f"{self.learner} · {self.assignment} · {self.status}"

    @property
    def in_progress(self) -> bool:
        return self.status in IN_PROGRESS

    @property
    def uses_attempt(self) -> bool:
        """Failed-not-your-fault submissions cost the learner nothing."""
        return self.status != Status.FAILED

    @property
    def percent(self) -> int | None:
        return None if self.score is None else round(100 * self.score)

    def get_absolute_url(self) -> str:
        return reverse("submissions:assignment", args=[self.assignment]) + f"#s-{self.public_id}"


class GradingEvent(models.Model):
    """One step of a submission's grading: claimed, lease expired, graded, released, failed."""

    class Kind(models.TextChoices):
        CLAIMED = "claimed"
        LEASE_EXPIRED = "lease-expired"
        RELEASED = "released"  # the worker could not grade (e.g. no sandbox) and let go
        GRADED = "graded"
        FAILED = "failed"

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    attempt = models.PositiveSmallIntegerField()
    worker = models.CharField(max_length=120, blank=True)
    detail = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("at", "id")
        constraints = (
            # At most one result per submission, whatever the workers do.
            models.UniqueConstraint(fields=["submission"], condition=models.Q(kind="graded"),
                                    name="one_graded_event_per_submission"),
        )

    def __str__(self) -> str:
        return f"{self.submission_id} {self.kind} (attempt {self.attempt})"


class ApiToken(models.Model):
    """A learner's token for the command line; only its SHA-256 digest is stored."""

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="api_tokens")
    name = models.CharField(max_length=60)
    prefix = models.CharField(max_length=12)  # shown in the list so learners can tell them apart
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"{self.learner} · {self.name} ({self.prefix}…)"
