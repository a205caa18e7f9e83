"""What we believe about one learner and one skill, and how one observation changes it.

Two models, each doing what it is good at: Bayesian Knowledge Tracing answers "has the
learner learned this skill?" (P(known)); an FSRS card answers "when will they have
forgotten it?" (the next due date). A skill is *mastered* when P(known) reaches
``bkt.MASTERY``; it *needs review* when it was once mastered and its card has come due.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from fsrs import Card, Rating, Scheduler, State

from .bkt import MASTERY, params_for
from .evidence import Evidence

# No intra-day learning steps: a skill is practised through fresh question variants, and
# BKT, not the card, decides when it has been learned; the card only spaces the reviews.
# Fuzzing off: a learner's schedule is reproducible (and testable with explicit times).
SCHEDULER = Scheduler(desired_retention=0.9, learning_steps=(), relearning_steps=(),
                      maximum_interval=365, enable_fuzzing=False)
PARTIAL = 0.5  # a score at least this high, but short of full marks, rates "Hard"


class Status(StrEnum):
    NOT_STARTED = "not started"
    IN_PROGRESS = "in progress"
    MASTERED = "mastered"
    NEEDS_REVIEW = "needs review"


@dataclass(frozen=True)
class SkillState:
    """One learner's standing in one skill. ``card`` is None until the first answer."""

    skill: str
    p_known: float
    answers: int = 0
    credit: float = 0.0  # the sum of the answers' scores
    mastered_once: bool = False
    card: Card | None = None
    last_answer_at: datetime | None = None

    @classmethod
    def new(cls, skill: str) -> SkillState:
        return cls(skill, params_for(skill).prior)

    @property
    def due(self) -> datetime | None:
        return None if self.card is None else self.card.due

    def status(self, now: datetime) -> Status:
        if self.answers == 0:
            return Status.NOT_STARTED
        if self.mastered_once and self.card is not None and self.card.due <= now:
            return Status.NEEDS_REVIEW
        return Status.MASTERED if self.p_known >= MASTERY else Status.IN_PROGRESS

    def strength(self, now: datetime) -> float:
        """The predicted chance of recalling the skill now: P(known), lowered by forgetting
        (FSRS retrievability) once the skill has been mastered."""
        if self.card is None or not self.mastered_once:
            return self.p_known
        return min(self.p_known, SCHEDULER.get_card_retrievability(self.card, now))

    def observe(self, evidence: Evidence, at: datetime) -> SkillState:
        """The state after one observation of this skill at time ``at`` (UTC)."""
        if evidence.skill != self.skill:
            raise ValueError(f"evidence about {evidence.skill!r} given to {self.skill!r}")
        p_known = params_for(self.skill).update(self.p_known, evidence.score)
        card = self.card or Card(card_id=card_id(self.skill), state=State.Learning, due=at)
        card, _ = SCHEDULER.review_card(card, rating(evidence.score), at.astimezone(UTC))
        return replace(self, p_known=p_known, answers=self.answers + 1,
                       credit=self.credit + evidence.score,
                       mastered_once=self.mastered_once or p_known >= MASTERY,
                       card=card, last_answer_at=at)


def rating(score: float) -> Rating:
    """Right: Good; partly right: Hard; wrong: Again (Easy is never inferred)."""
    if score >= 1:
        return Rating.Good
    return Rating.Hard if score >= PARTIAL else Rating.Again


def card_id(skill: str) -> int:
    """A stable id per skill (fsrs otherwise stamps the clock, and sleeps to keep ids apart)."""
    return zlib.crc32(skill.encode())


def interval(state: SkillState) -> timedelta | None:
    """How long after the last answer the skill comes due."""
    if state.card is None or state.card.last_review is None:
        return None
    return state.card.due - state.card.last_review


def record(profile: Mapping[str, SkillState], evidence: Iterable[Evidence], at: datetime
           ) -> dict[str, SkillState]:
    """The new states of the skills ``evidence`` is about (the profile is not changed)."""
    changed: dict[str, SkillState] = {}
    for item in evidence:
        before = changed.get(item.skill) or profile.get(item.skill) or SkillState.new(item.skill)
        changed[item.skill] = before.observe(item, at)
    return changed


def to_dict(state: SkillState) -> dict[str, Any]:
    """JSON-ready form (the terminal's profile file)."""
    return {"skill": state.skill, "p_known": state.p_known, "answers": state.answers,
            "credit": state.credit, "mastered_once": state.mastered_once,
            "card": None if state.card is None else state.card.to_dict(),
            "last_answer_at": None if state.last_answer_at is None
            else state.last_answer_at.isoformat()}


def from_dict(data: Mapping[str, Any]) -> SkillState:
    return SkillState(
        skill=str(data["skill"]), p_known=float(data["p_known"]), answers=int(data["answers"]),
        credit=float(data["credit"]), mastered_once=bool(data["mastered_once"]),
        card=None if data.get("card") is None else Card.from_dict(data["card"]),
        last_answer_at=None if data.get("last_answer_at") is None
        else datetime.fromisoformat(data["last_answer_at"]))
