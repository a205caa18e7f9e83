"""The class's mastery for instructors: each skill's standing across learners, the skills
most often behind wrong answers, and learners who are stuck (many answers, no progress)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q

from nablalab.adaptive import MASTERY, Status, skill_map
from nablalab.web.mastery.models import Observation, ReviewCard, SkillMastery

STUCK_ANSWERS = 6    # answers on one skill before "no progress" means something
STUCK_BELOW = 0.5    # ... and still less likely known than not
TOP_WRONG = 10


@dataclass(frozen=True)
class SkillRow:
    name: str
    learners: int
    mastered: int
    in_progress: int
    needs_review: int
    mean_percent: int | None


@dataclass(frozen=True)
class WrongRow:
    name: str
    wrong: int
    diagnosed: int
    commonest_mistake: str


@dataclass(frozen=True)
class StuckRow:
    learner: str
    skill: str
    answers: int
    percent: int


@dataclass(frozen=True)
class ClassMastery:
    skills: list[SkillRow]
    wrong: list[WrongRow]
    stuck: list[StuckRow]


def class_mastery(now: datetime) -> ClassMastery:
    return ClassMastery(_by_skill(now), _behind_wrong_answers(), _stuck())


def _by_skill(now: datetime) -> list[SkillRow]:
    """Each learner's status per skill, as ``SkillState.status`` defines it, counted."""
    due = set(ReviewCard.objects.filter(due__lte=now).values_list("learner_id", "skill"))
    tally: dict[str, Counter[str]] = {}
    estimates: dict[str, list[float]] = {}
    for learner, skill, p_known, mastered_once in SkillMastery.objects.filter(
            answers__gt=0).values_list("learner_id", "skill", "p_known", "mastered_once"):
        if mastered_once and (learner, skill) in due:
            status = Status.NEEDS_REVIEW
        else:
            status = Status.MASTERED if p_known >= MASTERY else Status.IN_PROGRESS
        tally.setdefault(skill, Counter())[status] += 1
        estimates.setdefault(skill, []).append(p_known)
    rows = []
    for skill in skill_map():
        counts = tally.get(skill.id, Counter())
        values = estimates.get(skill.id, [])
        rows.append(SkillRow(skill.name, len(values), counts[Status.MASTERED],
                             counts[Status.IN_PROGRESS], counts[Status.NEEDS_REVIEW],
                             round(100 * sum(values) / len(values)) if values else None))
    return rows


def _behind_wrong_answers() -> list[WrongRow]:
    wrong = Observation.objects.filter(score__lt=1)
    counts = {row["skill"]: row for row in wrong.values("skill").annotate(
        wrong=Count("id"), diagnosed=Count("id", filter=~Q(mistake="")))}
    mistakes: dict[str, Counter[str]] = {}
    for skill, mistake in wrong.exclude(mistake="").values_list("skill", "mistake"):
        mistakes.setdefault(skill, Counter())[mistake] += 1
    skills = skill_map()
    rows = [WrongRow(skills[s].name if s in skills else s, row["wrong"], row["diagnosed"],
                     mistakes[s].most_common(1)[0][0] if s in mistakes else "")
            for s, row in counts.items()]
    return sorted(rows, key=lambda r: (-r.wrong, r.name))[:TOP_WRONG]


def _stuck() -> list[StuckRow]:
    skills = skill_map()
    found = (SkillMastery.objects.select_related("learner")
             .filter(answers__gte=STUCK_ANSWERS, p_known__lt=STUCK_BELOW)
             .order_by("p_known", "-answers"))
    return [StuckRow(row.learner.get_username(),
                     skills[row.skill].name if row.skill in skills else row.skill,
                     row.answers, round(100 * row.p_known)) for row in found]
