"""Kind ``equation``: an equation equivalent to the expected one, however rearranged.

Write each equation as F = 0 with F = left - right. Two equations are taken as equivalent
when either (a) F_answer is a nonzero constant multiple of F_expected (2x - y = -1 for
y = 2x + 1: every rearrangement by adding terms and scaling), or (b) both can be solved
for the same variable by a linear step and the solutions agree on their common domain
(y/x = 2 for y = 2x). Squaring both sides (y^2 = (2x + 1)^2) adds solutions and is not
equivalent. A wrong equation that solves for the same variable gets the expression
diagnosis of its solved form ("when solved for y, your equation is off by a constant").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import sympy as sp

from ..answers import (
    InvalidAnswer,
    QuestionError,
    Variables,
    allowed_names,
    read_answer,
    symbols_of,
    trusted,
    variable_names,
)
from ..diagnosis import Mistake, diagnose, read_mistakes
from ..equivalence import compare, is_zero
from ..result import CheckResult, Diagnosis


def grade_equation(
    expected: object, answer: object, variables: Variables = None, *,
    mistakes: Iterable[Sequence[object]] | None = None,
) -> CheckResult:
    declared = variable_names(variables)
    target = trusted(expected, declared)
    if not isinstance(target, sp.Equality):
        raise QuestionError(f"the expected answer {expected!r} must be an equation (with =)")
    names = allowed_names(declared, target)
    # The variable the equation is written for (y in y = 2x + 1) comes first, for feedback.
    symbols = tuple(sorted(symbols_of(names), key=lambda s: s != target.lhs))
    parsed = read_answer(answer, names)
    if not isinstance(parsed.expr, sp.Equality):
        raise InvalidAnswer(CheckResult.invalid(
            "This question needs an equation with '=', such as y = 2x + 1.",
            interpreted=parsed.text))
    left, right = _zero_form(target), _zero_form(parsed.expr)
    if is_zero(left, symbols):
        raise QuestionError(f"the expected equation {expected!r} holds everywhere")
    common = dict(interpreted=parsed.text, latex=parsed.latex)
    if equivalent_equations(left, right, symbols):
        return CheckResult(valid=True, correct=True, score=1.0, feedback="Correct.",
                           diagnosis=Diagnosis.CORRECT, equivalent=True, **common)
    for mistake in _equation_mistakes(mistakes, declared):
        if equivalent_equations(_zero_form(mistake.value), right, symbols):
            return CheckResult(valid=True, correct=False, score=mistake.score,
                               feedback=mistake.feedback, diagnosis=Diagnosis.DECLARED_MISTAKE,
                               equivalent=False, **common)
    feedback, diagnosis = _diagnose(left, right, symbols)
    return CheckResult(valid=True, correct=False, score=0.0, feedback=feedback,
                       diagnosis=diagnosis, equivalent=False, **common)


def equivalent_equations(first: sp.Expr, second: sp.Expr, symbols: Sequence[sp.Symbol]
                         ) -> bool:
    """Whether first = 0 and second = 0 are the same equation (criteria in the docstring)."""
    if is_zero(second, symbols):
        return False
    if all(is_zero(sp.diff(second, v) * first - second * sp.diff(first, v), symbols)
           for v in symbols):
        return True
    return any(compare(a, b, symbols).equivalent
               for _, a, b in _solved_pairs(first, second, symbols))


def _diagnose(expected: sp.Expr, given: sp.Expr, symbols: Sequence[sp.Symbol]
              ) -> tuple[str, Diagnosis]:
    for variable, solution, attempt in _solved_pairs(expected, given, symbols):
        def same(a: sp.Expr, b: sp.Expr) -> bool:
            return compare(a, b, symbols).equivalent
        finding = diagnose(solution, attempt, same, symbols)
        if finding is not None:
            return (f"When solved for {variable}, your equation does not match: "
                    f"{finding.feedback[0].lower()}{finding.feedback[1:]}", finding.diagnosis)
    return "Your equation is not equivalent to the correct one.", Diagnosis.WRONG


def _solved_pairs(first: sp.Expr, second: sp.Expr, symbols: Sequence[sp.Symbol]
                  ) -> list[tuple[sp.Symbol, sp.Expr, sp.Expr]]:
    """(v, solution of first = 0, solution of second = 0) for each v both are linear in."""
    pairs = []
    for v in symbols:
        a, b = _linear_solution(first, v), _linear_solution(second, v)
        if a is not None and b is not None:
            pairs.append((v, a, b))
    return pairs


def _linear_solution(expr: sp.Expr, v: sp.Symbol) -> sp.Expr | None:
    """The solution of expr = 0 for v, when expr = A v + B with A, B free of v, A not 0."""
    expr = sp.expand(expr) if sp.count_ops(expr) <= 100 else expr
    if not expr.has(v):
        return None
    slope = sp.diff(expr, v)
    if slope.has(v) or slope == 0:
        return None
    return sp.cancel(-expr.subs(v, 0) / slope)


def _zero_form(equation: sp.Equality) -> sp.Expr:
    return equation.lhs - equation.rhs


def _equation_mistakes(mistakes: Iterable[Sequence[object]] | None,
                       declared: Sequence[str] | None) -> list[Mistake]:
    read = read_mistakes(mistakes, declared)
    if any(not isinstance(m.value, sp.Equality) for m in read):
        raise QuestionError("each mistake of an equation question must be an equation")
    return read
