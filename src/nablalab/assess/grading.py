"""The answer kinds, and grading one answer in the current process (the worker's job)."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from .answers import InvalidAnswer
from .kinds.choice import grade_choice
from .kinds.collection import grade_matrix, grade_vector
from .kinds.equation import grade_equation
from .kinds.expression import grade_antiderivative, grade_expression
from .kinds.number import grade_number
from .kinds.points import grade_points
from .result import CheckResult

Grader = Callable[..., CheckResult]

KINDS: dict[str, Grader] = {
    "expression": grade_expression,
    "antiderivative": grade_antiderivative,
    "number": grade_number,
    "vector": grade_vector,
    "matrix": grade_matrix,
    "points": grade_points,
    "choice": grade_choice,
    "equation": grade_equation,
}
ALIASES = {
    "expression_up_to_constant": "antiderivative",
    "multiple_choice": "choice",
    "set_of_points": "points",
}


def grader_for(kind: str, expected: object, answer: object, variables: object,
               options: dict[str, Any]) -> Grader:
    """The grader of ``kind``, after checking the options it is given (a programming error,
    raised at once in the caller's process rather than inside a worker)."""
    name = ALIASES.get(kind, kind)
    if name not in KINDS:
        raise ValueError(f"unknown answer kind {kind!r}; known kinds: {', '.join(KINDS)}")
    grader = KINDS[name]
    try:
        inspect.signature(grader).bind(expected, answer, variables, **options)
    except TypeError as error:
        raise TypeError(f"kind {name!r}: {error}") from None
    return grader


def grade(kind: str, expected: object, answer: object, variables: object,
          options: dict[str, Any]) -> CheckResult:
    """Grade in this process, with no time limit: ``check_answer`` runs this in a worker."""
    grader = grader_for(kind, expected, answer, variables, options)
    try:
        return grader(expected, answer, variables, **options)
    except InvalidAnswer as invalid:
        return invalid.result
