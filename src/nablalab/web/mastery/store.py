"""Loading a learner's skill states from the database and recording new evidence: the
engine (``nablalab.adaptive``) decides, this module only reads and writes its rows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from fsrs import Card, State

from nablalab.adaptive import Evidence, SkillState, record
from nablalab.web.mastery.models import Observation, ReviewCard, SkillMastery


@dataclass(frozen=True)
class Change:
    """A skill's estimate before and after an answer, for the learner to see."""

    skill: str
    before: float
    after: float
    score: float
    mistake: str


def load_profile(learner: object, skills: Iterable[str] | None = None) -> dict[str, SkillState]:
    """The learner's states (all, or only ``skills``): two queries."""
    rows = SkillMastery.objects.filter(learner=learner)
    cards = ReviewCard.objects.filter(learner=learner)
    if skills is not None:
        wanted = list(skills)
        rows, cards = rows.filter(skill__in=wanted), cards.filter(skill__in=wanted)
    card_of = {c.skill: _card(c) for c in cards}
    return {row.skill: SkillState(row.skill, row.p_known, row.answers, row.credit,
                                  row.mastered_once, card_of.get(row.skill),
                                  row.last_answer_at)
            for row in rows}


def record_evidence(learner: object, evidence: list[Evidence], *, source: str,
                    template: str = "", at: datetime | None = None) -> list[Change]:
    """Apply ``evidence`` (in order) to the learner's states and keep the observations."""
    if not evidence:
        return []
    at = at or timezone.now()
    with transaction.atomic():
        skills = {item.skill for item in evidence}
        profile = load_profile(learner, skills)
        changes: list[Change] = []
        observations: list[Observation] = []
        for item in evidence:
            before = profile.get(item.skill) or SkillState.new(item.skill)
            after = record(profile, [item], at)[item.skill]
            profile[item.skill] = after
            changes.append(Change(item.skill, before.p_known, after.p_known, item.score,
                                  item.mistake))
            observations.append(Observation(learner=learner, skill=item.skill,
                                            score=item.score, mistake=item.mistake,
                                            source=source, template=template,
                                            p_after=after.p_known, at=at))
        for skill in skills:
            _save(learner, profile[skill])
        Observation.objects.bulk_create(observations)
    return changes


def _save(learner: object, state: SkillState) -> None:
    SkillMastery.objects.update_or_create(learner=learner, skill=state.skill, defaults={
        "p_known": state.p_known, "answers": state.answers, "credit": state.credit,
        "mastered_once": state.mastered_once, "last_answer_at": state.last_answer_at})
    card = state.card
    assert card is not None  # every recorded state has been reviewed at least once
    ReviewCard.objects.update_or_create(learner=learner, skill=state.skill, defaults={
        "card_id": card.card_id, "state": int(card.state), "step": card.step,
        "stability": card.stability, "difficulty": card.difficulty, "due": card.due,
        "last_review": card.last_review})


def _card(row: ReviewCard) -> Card:
    return Card(card_id=row.card_id, state=State(row.state), step=row.step,
                stability=row.stability, difficulty=row.difficulty, due=row.due,
                last_review=row.last_review)
