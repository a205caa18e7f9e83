"""Per learner and skill: the knowledge-tracing estimate, the FSRS review card, and every
observation that changed them. Rows belong to one learner each; views filter by it."""

from __future__ import annotations

from django.conf import settings
from django.db import models

SKILL = 60


class SkillMastery(models.Model):
    """``nablalab.adaptive.SkillState`` without its card: P(known) and the answer counts."""

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="skill_mastery")
    skill = models.CharField(max_length=SKILL)
    p_known = models.FloatField()
    answers = models.PositiveIntegerField(default=0)
    credit = models.FloatField(default=0.0)
    mastered_once = models.BooleanField(default=False)
    last_answer_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "skill mastery"
        constraints = (models.UniqueConstraint(fields=["learner", "skill"],
                                               name="mastery_once_per_skill"),)

    def __str__(self) -> str:
        return f"{self.learner} · {self.skill}: {self.p_known:.2f}"


class ReviewCard(models.Model):
    """An FSRS card (``fsrs.Card``'s fields) spacing the reviews of one learner's skill."""

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="review_cards")
    skill = models.CharField(max_length=SKILL)
    card_id = models.BigIntegerField()
    state = models.PositiveSmallIntegerField()
    step = models.PositiveSmallIntegerField(null=True, blank=True)
    stability = models.FloatField(null=True, blank=True)
    difficulty = models.FloatField(null=True, blank=True)
    due = models.DateTimeField(db_index=True)
    last_review = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = (models.UniqueConstraint(fields=["learner", "skill"],
                                               name="card_once_per_skill"),)

    def __str__(self) -> str:
        return f"{self.learner} · {self.skill}: due {self.due:%Y-%m-%d %H:%M}"


class Observation(models.Model):
    """One answer's evidence about one skill, and the estimate after it: what instructor
    pages read (skills behind wrong answers, learners who are stuck)."""

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="skill_observations")
    skill = models.CharField(max_length=SKILL, db_index=True)
    score = models.FloatField()
    mistake = models.CharField(max_length=60, blank=True)
    source = models.CharField(max_length=20)
    template = models.CharField(max_length=100, blank=True)
    p_after = models.FloatField()
    at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ("at", "pk")
        indexes = (models.Index(fields=["learner", "skill", "at"]),)

    def __str__(self) -> str:
        return f"{self.learner} · {self.skill}: {self.score:.2f} ({self.source})"
