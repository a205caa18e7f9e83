"""Quiz attempts, the answers graded in them, and certificates. Attempts and answers belong to
one learner each; views always look them up filtered by ``request.user``."""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse

from nablalab.web.catalog.models import Course, ModuleItem

ANSWER_TEXT = 500


class Attempt(models.Model):
    """One sitting of a quiz: the questions drawn (template slug + seed each), the answers
    typed so far (``drafts``, field name -> text) and, once submitted, per-part results."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="quiz_attempts")
    item = models.ForeignKey(ModuleItem, on_delete=models.CASCADE, related_name="attempts")
    quiz_id = models.CharField(max_length=100)
    graded = models.BooleanField()
    number = models.PositiveIntegerField()
    questions = models.JSONField()
    drafts = models.JSONField(default=dict, blank=True)
    results = models.JSONField(null=True, blank=True)
    score = models.FloatField(null=True, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("item", "number")
        constraints = (
            models.UniqueConstraint(fields=["learner", "item", "number"],
                                    name="attempt_number_once"),
        )

    def __str__(self) -> str:
        return f"{self.learner} · {self.item} · attempt {self.number}"

    @property
    def submitted(self) -> bool:
        return self.submitted_at is not None

    def get_absolute_url(self) -> str:
        return reverse("quizzes:attempt", args=[self.public_id])


class GradedAnswer(models.Model):
    """Every answer graded, with the checker's diagnosis: what instructor analytics reads to
    list the commonest wrong answers and mistakes per question template."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    template = models.CharField(max_length=100, db_index=True)
    seed = models.BigIntegerField()
    part = models.CharField(max_length=100)
    text = models.CharField(max_length=ANSWER_TEXT, blank=True)
    interpreted = models.TextField(blank=True)
    correct = models.BooleanField()
    score = models.FloatField()
    diagnosis = models.CharField(max_length=40, db_index=True)
    feedback = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"{self.template}/{self.part}: {self.diagnosis}"


def _certificate_code() -> str:
    return secrets.token_urlsafe(18)


class Certificate(models.Model):
    """Issued once per learner and course; ``code`` in the public URL is unguessable."""

    code = models.CharField(max_length=40, unique=True, default=_certificate_code,
                            editable=False)
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="certificates")
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="certificates")
    name = models.CharField(max_length=300)
    score = models.FloatField()
    issued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["learner", "course"], name="certify_once"),
        )

    def __str__(self) -> str:
        return f"{self.name}: {self.course}"

    def get_absolute_url(self) -> str:
        return reverse("quizzes:certificate", args=[self.code])
