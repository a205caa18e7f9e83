"""The Sandpit game. The page holds only a game id: it sends digs, the server answers with
the depth (and the downhill arrow unless the variant is depth-only), and only when the
game is over does it send the floor's contours and where the phone was.

Only a game on a floor the server drew counts for the leaderboard, and its seed stays secret
until the game ends: with the seed, the floor could be revealed in a replay (or drawn whole
in the descent lab) and the phone dug up at once. A game on a chosen seed is practice."""

from __future__ import annotations

import secrets
import uuid

from django.db import transaction
from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from nablalab.optimize.sandpit import (
    MAX_GUESSES,
    MAX_SEED,
    SIZE,
    VARIANTS,
    WARNING_AT,
    Floor,
    dig,
    make_floor,
)
from nablalab.web.api.csrf import require_csrf_for_sessions
from nablalab.web.explore.functions import finite
from nablalab.web.sandpit.models import Game
from nablalab.web.sandpit.scores import leaderboard, personal_best, record_win

router = Router(tags=["widgets"])
REVEAL_SAMPLES = 61
PRACTICE_NOTE = "Replayed floor {seed}: practice, not on the leaderboard."


class NewGameIn(Schema):
    variant: str = Field(default="intro", description=f"One of {', '.join(VARIANTS)}.")
    seed: int | None = Field(
        default=None, ge=0, le=MAX_SEED,
        description="A floor to replay (practice: not on the leaderboard); none for a fresh "
                    "floor, whose game counts.")


class NewGameOut(Schema):
    game: uuid.UUID
    variant: str
    seed: int | None = Field(description="The replayed floor's seed; none for a fresh floor, "
                                         "whose seed comes with the game's end.")
    ranked: bool = Field(description="Whether a win counts on the leaderboard.")
    about: str
    arrows: bool
    size: float
    max_digs: int
    warning_at: int
    best: int | None


class DigIn(Schema):
    game: uuid.UUID
    x: float = Field(ge=0, le=SIZE)
    y: float = Field(ge=0, le=SIZE)


class Reveal(Schema):
    seed: int
    axis: list[float]
    depth: list[list[float | None]]
    phone: list[float]
    local_minima: list[list[float]]


class DigOut(Schema):
    x: float
    y: float
    depth: float
    arrow: list[float] | None
    guess: int
    digs_left: int
    outcome: str
    message: str
    saved: bool = False
    reveal: Reveal | None = None


class Row(Schema):
    rank: int
    name: str
    digs: int
    when: str


class LeaderboardOut(Schema):
    variant: str
    rows: list[Row]
    yours: int | None
    signed_in: bool


def checked_variant(name: str) -> str:
    if name not in VARIANTS:
        raise HttpError(422, f"There is no sandpit variant {name!r}: choose one of "
                             f"{', '.join(VARIANTS)}.")
    return name



@router.post("/sandpit/new", response=NewGameOut, url_name="widget_sandpit_new")
def new_game(request: HttpRequest, body: NewGameIn) -> dict:
    """Start a game on the floor (variant, seed); a missing seed gets a fresh, secret one
    and a game that counts."""
    require_csrf_for_sessions(request)
    variant = checked_variant(body.variant)
    ranked = body.seed is None
    seed = secrets.randbelow(MAX_SEED + 1) if ranked else body.seed
    floor = make_floor(variant, seed)  # analysed now, so the first dig answers at once
    learner = request.user if request.user.is_authenticated else None
    game = Game.objects.create(learner=learner, variant=variant, seed=seed, ranked=ranked)
    return {"game": game.public_id, "variant": variant, "seed": None if ranked else seed,
            "ranked": ranked, "about": VARIANTS[variant], "arrows": floor.arrows, "size": SIZE,
            "max_digs": MAX_GUESSES, "warning_at": WARNING_AT,
            "best": personal_best(learner, variant)}


@router.post("/sandpit/dig", response=DigOut, url_name="widget_sandpit_dig")
def dig_here(request: HttpRequest, body: DigIn) -> dict:
    """One dig; the floor is revealed only in the answer that ends the game."""
    require_csrf_for_sessions(request)
    with transaction.atomic():
        game = Game.objects.select_for_update().filter(public_id=body.game).first()
        if game is None or (game.learner_id is not None
                            and game.learner_id != request.user.pk):
            raise HttpError(404, "This game does not exist (or is not yours): start a new one.")
        if game.over:
            raise HttpError(409, "This game is over: start a new one.")
        floor = make_floor(game.variant, game.seed)
        result = dig(floor, body.x, body.y, len(game.digs) + 1)
        game.digs = [*game.digs, [body.x, body.y]]
        game.outcome = result.outcome
        game.save(update_fields=["digs", "outcome"])
    answer = {"x": result.x, "y": result.y, "depth": result.depth,
              "arrow": None if result.arrow is None else list(result.arrow),
              "guess": result.guess, "digs_left": MAX_GUESSES - result.guess,
              "outcome": result.outcome, "message": result.message}
    if result.over:
        answer["saved"] = record_win(game)
        answer["reveal"] = _reveal(floor)
        if not game.ranked:
            answer["message"] += f" {PRACTICE_NOTE.format(seed=game.seed)}"
    return answer


def _reveal(floor: Floor) -> dict:
    axis, depth = floor.grid(REVEAL_SAMPLES)
    return {"seed": floor.seed, "axis": finite(axis, 4), "depth": finite(depth, 4),
            "phone": [floor.minimum.x, floor.minimum.y],
            "local_minima": [[m.x, m.y] for m in floor.local_minima]}


class LeaderboardIn(Schema):
    variant: str = "intro"


@router.post("/sandpit/leaderboard", response=LeaderboardOut,
             url_name="widget_sandpit_leaderboard")
def variant_leaderboard(request: HttpRequest, body: LeaderboardIn) -> dict:
    """The ten best learners of a variant, and the asker's own best."""
    variant = checked_variant(body.variant)
    return {"variant": variant, "rows": leaderboard(variant),
            "yours": personal_best(request.user, variant),
            "signed_in": request.user.is_authenticated}


def _bench_dig(i: int) -> dict:
    """A dig in a game started on a floor analysed at its start (a fresh game every 20)."""
    if i % 20 == 0:
        _BENCH_GAMES.append(Game.objects.create(variant="minima", seed=3).public_id)
        make_floor("minima", 3)
    return {"game": str(_BENCH_GAMES[-1]), "x": 0.5 + (i % 20) * 0.25, "y": 5.5 - (i % 7) * 0.3}


_BENCH_GAMES: list[uuid.UUID] = []
BENCH_CASES = [
    ("sandpit: dig (depth and arrow)", "sandpit/dig", _bench_dig),
    ("sandpit: start a game on a new floor", "sandpit/new",
     lambda i: {"variant": list(VARIANTS)[i % len(VARIANTS)], "seed": 1000 + i},
     {"main": False}),
]
