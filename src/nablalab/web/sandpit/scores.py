"""Best scores and leaderboards: fewer digs is better, and an earlier score wins a tie."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from nablalab.web.sandpit.models import BestScore, Game

LEADERBOARD_SIZE = 10


def record_win(game: Game) -> bool:
    """Keep the game's dig count as the learner's best if it beats theirs; True if it did.
    Guests' games and practice games (on a replayed floor, whose phone may be known) are
    not kept."""
    if game.learner_id is None or not game.ranked or game.outcome != "found":
        return False
    with transaction.atomic():
        best = BestScore.objects.select_for_update().filter(
            learner_id=game.learner_id, variant=game.variant).first()
        if best is not None and best.digs <= len(game.digs):
            return False
        BestScore.objects.update_or_create(
            learner_id=game.learner_id, variant=game.variant,
            defaults={"digs": len(game.digs), "seed": game.seed, "achieved": timezone.now()})
    return True


def leaderboard(variant: str) -> list[dict]:
    rows = (BestScore.objects.filter(variant=variant).select_related("learner")
            .order_by("digs", "achieved")[:LEADERBOARD_SIZE])
    return [{"rank": i, "name": row.learner.get_username(), "digs": row.digs,
             "when": row.achieved.date().isoformat()} for i, row in enumerate(rows, start=1)]


def personal_best(learner: AbstractBaseUser | None, variant: str) -> int | None:
    if learner is None or not learner.is_authenticated:
        return None
    return (BestScore.objects.filter(learner=learner, variant=variant)
            .values_list("digs", flat=True).first())
