"""Kinds ``expression`` and ``antiderivative`` (an expression up to an additive constant).

For an antiderivative the learner may add a constant of integration, C or c, and any
constant at all is accepted: two answers match when their derivatives agree on the
common domain (so log|x| and log|x| + sign(x) both answer "integrate 1/x").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import sympy as sp

from nablalab.mathinput import ParsedMath, symbol

from ..answers import (
    QuestionError,
    Variables,
    allowed_names,
    read_answer,
    scalar,
    symbols_of,
    trusted,
    variable_names,
)
from ..diagnosis import read_mistakes
from ..forms import requirements
from ..result import CheckResult, Diagnosis
from ..scalar import Judgement, ScalarQuestion, judge

FormOption = str | Iterable[str] | Mapping[str, float] | None
INTEGRATION_CONSTANTS = ("C", "c")


def grade_expression(
    expected: object, answer: object, variables: Variables = None, *,
    mistakes: Iterable[Sequence[object]] | None = None, form: FormOption = None,
    form_credit: float = 0.5, diagnose_derivative_of: object = None, wrt: str | None = None,
) -> CheckResult:
    """An expression, equal to ``expected`` on the common domain.

    ``diagnose_derivative_of``: the function this answer is the derivative of, so that an
    antiderivative or the function itself is recognised (``wrt``: the variable, needed
    when that function has several).
    """
    declared = variable_names(variables)
    target = expected_scalar(expected, declared)
    original = None if diagnose_derivative_of is None else trusted(
        diagnose_derivative_of, declared)
    names = allowed_names(declared, target, original)
    question = ScalarQuestion(
        target, tuple(symbols_of(names)), tuple(read_mistakes(mistakes, declared)),
        requirements(form, form_credit), derivative_of=original,
        wrt=_variable(wrt, original, names))
    parsed = read_answer(answer, names)
    return scalar_result(judge(question, scalar(parsed), str(answer)), parsed)


def grade_antiderivative(
    expected: object, answer: object, variables: Variables = None, *,
    mistakes: Iterable[Sequence[object]] | None = None, form: FormOption = None,
    form_credit: float = 0.5, wrt: str | None = None,
) -> CheckResult:
    """Any antiderivative: ``expected`` plus any constant (the learner may write + C)."""
    declared = variable_names(variables)
    target = expected_scalar(expected, declared)
    names = allowed_names(declared, target)
    if not names:
        raise QuestionError("an antiderivative question needs a variable")
    question = ScalarQuestion(
        target, tuple(symbols_of(names)), tuple(read_mistakes(mistakes, declared)),
        requirements(form, form_credit), up_to_constant=True, wrt=_variable(wrt, target, names))
    constants = [c for c in INTEGRATION_CONSTANTS if c not in names]
    parsed = read_answer(answer, [*names, *constants])
    return scalar_result(judge(question, scalar(parsed), str(answer)), parsed)


def expected_scalar(expected: object, declared: Sequence[str] | None) -> sp.Expr:
    value = trusted(expected, declared)
    if not isinstance(value, sp.Expr):
        raise QuestionError(f"the expected answer {expected!r} must be a single expression")
    return value


def scalar_result(judgement: Judgement, parsed: ParsedMath) -> CheckResult:
    if not judgement.decided:
        return CheckResult.invalid(judgement.feedback, diagnosis=Diagnosis.UNDECIDED,
                                   interpreted=parsed.text, latex=parsed.latex)
    return CheckResult(valid=True, correct=judgement.correct, score=judgement.score,
                       feedback=judgement.feedback, diagnosis=judgement.diagnosis,
                       interpreted=parsed.text, latex=parsed.latex,
                       equivalent=judgement.equivalent)


def _variable(wrt: str | None, function: sp.Expr | None, names: Sequence[str]
              ) -> sp.Symbol | None:
    """The variable of differentiation: the given one, else the function's only variable."""
    if wrt is not None:
        if wrt not in names:
            raise QuestionError(f"wrt={wrt!r} is not one of the variables {list(names)}")
        return symbol(wrt)
    candidates = function.free_symbols if function is not None else set()
    return next(iter(candidates)) if len(candidates) == 1 else None
