"""Question templates (PrairieLearn-like): ``generate(seed)`` -> a ``Variant`` with prompt,
answer parts (kind, checking options, common mistakes with feedback), hints and a worked
solution built from the step engines; ``grade_variant`` checks a learner's answers.

Templates live one per module in ``nablalab.assess.bank``; find them with ``get_template``,
``find_templates`` (slug, quiz, skill, topic, module) or ``all_templates``.
"""

from .choices import Option, choice_part
from .grading import VariantResult, grade_variant
from .parts import Choice, Mistake, Part
from .quizzes import MODULE_TITLES, QUIZZES, Quiz
from .randomness import Rng
from .registry import all_templates, find_templates, get_template
from .solution import Solution
from .template import Template, TemplateError
from .variant import Question, Variant

__all__ = [
    "MODULE_TITLES",
    "QUIZZES",
    "Choice",
    "Mistake",
    "Option",
    "Part",
    "Question",
    "Quiz",
    "Rng",
    "Solution",
    "Template",
    "TemplateError",
    "Variant",
    "VariantResult",
    "all_templates",
    "choice_part",
    "find_templates",
    "get_template",
    "grade_variant",
]
