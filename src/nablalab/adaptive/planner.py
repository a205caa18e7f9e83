""""Practise now": which skill to work on next, and which question exercises it.

The order, argued:

1. Skills that need work — answered but not yet mastered, or mastered once and now due for
   review (their FSRS card has come due).
2. Each is redirected to its weakest prerequisite that also needs work: practising the chain
   rule while the power rule is shaky wastes the learner's time. Only prerequisites with
   evidence count; a skill never tried is not known to be weak.
3. Weakest first, by predicted chance of getting it right now (``SkillState.strength``):
   P(known) for skills being learned, FSRS retrievability for reviews. Ties: prerequisites
   before the skills built on them (the map's topological order).
4. With nothing needing work: the next new skill whose prerequisites are all mastered.
5. With nothing new either: the mastered skill most nearly forgotten, as extra practice.

A question is then drawn from the templates that exercise the skill, preferring those whose
other skills are already mastered or are prerequisites of it (the question then tests the
skill, not something further on), with a fresh random seed each time.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from nablalab.assess.questions import Template, all_templates

from .learner import SkillState, Status
from .skills import skill_map

Profile = Mapping[str, SkillState]
SEED_RANGE = 2**31


@dataclass(frozen=True)
class Target:
    """A skill to practise, why, and how strong it is now."""

    skill: str
    reason: str
    strength: float


@dataclass(frozen=True)
class Pick:
    """The next question: a template slug and a fresh seed, for ``target``."""

    target: Target
    template: str
    seed: int


def state_of(profile: Profile, skill: str) -> SkillState:
    return profile.get(skill) or SkillState.new(skill)


def needing_work(profile: Profile, now: datetime) -> list[Target]:
    """Rules 1-3 of the module docstring: the skills to practise, weakest first."""
    skills = skill_map()
    wanted: dict[str, Target] = {}
    for state in profile.values():
        status = state.status(now)
        if status not in (Status.IN_PROGRESS, Status.NEEDS_REVIEW):
            continue
        weak = [profile[a] for a in skills.ancestors(state.skill) if a in profile
                and profile[a].status(now) in (Status.IN_PROGRESS, Status.NEEDS_REVIEW)]
        if weak:
            weakest = min(weak, key=lambda s: (s.strength(now), skills.rank[s.skill]))
            target = Target(weakest.skill, f"a prerequisite of {skills[state.skill].name} "
                            "that needs work", weakest.strength(now))
        else:
            reason = "due for review" if status == Status.NEEDS_REVIEW else "in progress"
            target = Target(state.skill, reason, state.strength(now))
        if target.skill not in wanted or weak:  # "a prerequisite of ..." says more
            wanted[target.skill] = target
    return sorted(wanted.values(), key=lambda t: (t.strength, skills.rank[t.skill]))


def next_target(profile: Profile, now: datetime) -> Target:
    if work := needing_work(profile, now):
        return work[0]
    skills = skill_map()
    for skill in skills:
        started = skill.id in profile and profile[skill.id].answers > 0
        if not started and all(state_of(profile, p).status(now) == Status.MASTERED
                               for p in skill.prerequisites):
            reason = ("new: its prerequisites are mastered" if skill.prerequisites
                      else "new: a foundation of the course")
            return Target(skill.id, reason,
                          state_of(profile, skill.id).p_known)
    weakest = min(skills, key=lambda s: (state_of(profile, s.id).strength(now),
                                         skills.rank[s.id]))
    return Target(weakest.id, "extra practice: everything is mastered",
                  state_of(profile, weakest.id).strength(now))


def next_question(profile: Profile, now: datetime, rng: random.Random,
                  avoid: Collection[str] = ()) -> Pick:
    """The next question to ask; ``avoid`` lists recently asked templates."""
    target = next_target(profile, now)
    return Pick(target, choose_template(target.skill, profile, now, rng, avoid).slug,
                rng.randrange(SEED_RANGE))


def choose_template(skill: str, profile: Profile, now: datetime, rng: random.Random,
                    avoid: Collection[str] = ()) -> Template:
    """A template exercising ``skill`` whose other skills are mastered or prerequisites."""
    candidates = templates_for(skill)
    fresh = [t for t in candidates if t.slug not in avoid] or list(candidates)
    allowed = skill_map().ancestors(skill) | {skill}

    def distraction(template: Template) -> int:
        return sum(1 for other in template.skills if other not in allowed
                   and state_of(profile, other).status(now) != Status.MASTERED)

    least = min(distraction(t) for t in fresh)
    return rng.choice([t for t in fresh if distraction(t) == least])


@cache
def templates_for(skill: str) -> tuple[Template, ...]:
    found = tuple(t for t in all_templates() if skill in t.skills)
    if not found:
        raise KeyError(f"no question template exercises the skill {skill!r}")
    return found
