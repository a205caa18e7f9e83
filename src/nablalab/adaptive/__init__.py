"""Adaptive practice: the course's skill map, mastery per learner and skill (Bayesian
Knowledge Tracing), reviews spaced by FSRS, and the choice of what to practise next.

No Django here: the web app stores ``SkillState`` in its database, the terminal in a JSON
profile; both feed answers through ``skill_evidence`` and ``record`` and ask
``next_question`` what to serve.
"""

from .bkt import MASTERY, BKTParams, params_for
from .evidence import Evidence, PartOutcome, skill_evidence, variant_outcomes
from .learner import SkillState, Status, record
from .planner import Pick, Target, next_question, templates_for
from .skills import Skill, SkillMap, skill_map
from .tryits import try_it_skills

__all__ = [
    "MASTERY",
    "BKTParams",
    "Evidence",
    "PartOutcome",
    "Pick",
    "Skill",
    "SkillMap",
    "SkillState",
    "Status",
    "Target",
    "next_question",
    "params_for",
    "record",
    "skill_evidence",
    "skill_map",
    "templates_for",
    "try_it_skills",
    "variant_outcomes",
]
