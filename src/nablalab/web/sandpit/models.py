"""A game is its variant, seed and the digs made so far; the floor itself is rebuilt from
(variant, seed) on the server and never sent to the page before the game ends. A best
score is the fewest digs a learner needed to find the phone in a variant, on a floor the
server drew: a replayed floor may already be known (it is revealed at the end of every game),
so a game on a chosen seed is practice and never counts."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class Game(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                on_delete=models.CASCADE, related_name="sandpit_games")
    variant = models.CharField(max_length=16)
    seed = models.PositiveIntegerField()
    digs = models.JSONField(default=list)  # [[x, y], ...] in order
    outcome = models.CharField(max_length=16, default="digging")
    # True only for a floor the server drew and kept secret until the game ends.
    ranked = models.BooleanField(default=False)
    started = models.DateTimeField(auto_now_add=True)

    @property
    def over(self) -> bool:
        return self.outcome in ("found", "lost")


class BestScore(models.Model):
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="sandpit_scores")
    variant = models.CharField(max_length=16)
    digs = models.PositiveSmallIntegerField()
    seed = models.PositiveIntegerField()
    achieved = models.DateTimeField()

    class Meta:
        constraints = (models.UniqueConstraint(fields=["learner", "variant"],
                                               name="one_best_score_per_variant"),)
        indexes = (models.Index(fields=["variant", "digs", "achieved"]),)
