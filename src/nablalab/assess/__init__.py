"""The answer checker: is a learner's answer right, and if not, why not?

``check_answer(expected, answer, kind="expression", variables=None, **options)`` returns a
``CheckResult`` (valid, correct, score, feedback, interpreted, latex, to_dict()). Every
check runs under a hard time limit in a worker process. Kinds: expression, antiderivative,
number, vector, matrix, points, choice, equation. The equivalence policy ("equal wherever
both are defined") is documented in ``nablalab.assess.equivalence``; form requirements in
``nablalab.assess.forms``.
"""

from __future__ import annotations

from .answers import QuestionError
from .check import DEFAULT_TIME_LIMIT, check_answer, shutdown
from .equivalence import Comparison, Verdict, compare
from .forms import Form
from .grading import KINDS, grade
from .result import CheckResult, Diagnosis, PartResult

__all__ = [
    "DEFAULT_TIME_LIMIT",
    "KINDS",
    "CheckResult",
    "Comparison",
    "Diagnosis",
    "Form",
    "PartResult",
    "QuestionError",
    "Verdict",
    "check_answer",
    "compare",
    "grade",
    "shutdown",
]
