"""Kind ``number``: a real value, exact (sqrt(2), 3/2 + pi) or decimal, within a tolerance.

Tolerance, in order of precedence: ``decimal_places`` (the answer must agree with the
expected value when both are rounded to that many places: |error| <= 0.5e-n),
``significant_figures`` (the same, at the n-th significant digit), else ``abs_tol`` and
``rel_tol`` (either suffices; default: about 6 significant figures, rel_tol 1e-6, and
abs_tol 1e-12 for answers near 0). With ``form="exact"`` a decimal approximation inside
the tolerance still gets only the form's credit, with feedback asking for the exact value.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import mpmath
import sympy as sp
from mpmath import mpf

from nablalab.mathinput import ParsedMath

from ..answers import (
    InvalidAnswer,
    QuestionError,
    Variables,
    has_decimals,
    read_answer,
    scalar,
    trusted,
    variable_names,
)
from ..diagnosis import Mistake, nice_number, read_mistakes
from ..forms import Form, problem, requirements
from ..realeval import Undefined, Unreliable, Unsupported, compile_real
from ..result import CheckResult, Diagnosis
from ..scalar import Judgement
from .expression import FormOption

DIGITS = 50
DEFAULT_REL_TOL = 1e-6
DEFAULT_ABS_TOL = 1e-12


@dataclass(frozen=True)
class Tolerance:
    width: mpf          # the largest accepted |answer - expected|
    description: str    # for feedback: "to 2 decimal places"


def grade_number(
    expected: object, answer: object, variables: Variables = None, *,
    rel_tol: float | None = None, abs_tol: float | None = None,
    decimal_places: int | None = None, significant_figures: int | None = None,
    mistakes: Iterable[Sequence[object]] | None = None, form: FormOption = None,
    form_credit: float = 0.5,
) -> CheckResult:
    """A number. ``variables`` is accepted for symmetry but an answer may not use any."""
    declared = variable_names(variables)
    target = _value(trusted(expected, declared))
    if target is None:
        raise QuestionError(f"the expected answer {expected!r} is not a real number")
    tolerance = _tolerance(target, rel_tol, abs_tol, decimal_places, significant_figures)
    parsed = read_answer(answer, declared or [])
    value = _answer_value(parsed)
    text = str(answer)
    shown = text.strip() if has_decimals(text) and parsed.expr.is_Rational else parsed.text
    judgement = _judge(target, value, text, tolerance, read_mistakes(mistakes, declared),
                       requirements(form, form_credit))
    return CheckResult(valid=True, correct=judgement.correct, score=judgement.score,
                       feedback=judgement.feedback, diagnosis=judgement.diagnosis,
                       interpreted=shown, latex=parsed.latex, equivalent=judgement.equivalent)


def _judge(target: mpf, value: mpf, text: str, tolerance: Tolerance,
           mistakes: Sequence[Mistake], forms: dict[Form, float]) -> Judgement:
    with mpmath.workdps(DIGITS):
        error = abs(value - target)
        if error <= tolerance.width:
            exact = error <= mpf(10) ** (10 - DIGITS) * max(1, abs(target))
            reasons = [(kept, "give the exact value, not a decimal approximation")
                       for f, kept in forms.items() if f is Form.EXACT and not exact]
            reasons += [(kept, reason) for f, kept in forms.items() if f is Form.NO_DECIMALS
                        and (reason := problem(f, text, sp.S.Zero, sp.S.Zero))]
            if not reasons:
                return Judgement(True, 1.0, "Correct.", Diagnosis.CORRECT, True)
            wording = "; and ".join(reason for _, reason in reasons)
            return Judgement(False, min(kept for kept, _ in reasons),
                             f"Your answer has the right value, but {wording}.",
                             Diagnosis.WRONG_FORM, True)
        for mistake in mistakes:
            wrong = _value(mistake.value)
            if wrong is not None and abs(value - wrong) <= tolerance.width:
                return Judgement(False, mistake.score, mistake.feedback,
                                 Diagnosis.DECLARED_MISTAKE, False)
        feedback, diagnosis = _diagnose(target, value, tolerance)
        return Judgement(False, 0.0, feedback, diagnosis, False)


def _diagnose(target: mpf, value: mpf, tolerance: Tolerance) -> tuple[str, Diagnosis]:
    if target != 0 and abs(value + target) <= tolerance.width:
        return "Check the sign: your answer is the negative of the correct value.", \
            Diagnosis.SIGN
    if abs(value - target) <= max(10 * tolerance.width, abs(target) / 100):
        return (f"Your answer is close, but not accurate enough: the answer is needed "
                f"{tolerance.description}.", Diagnosis.INACCURATE)
    if target != 0 and value != 0:
        for power in (*range(-6, 0), *range(1, 7)):
            if abs(value * mpf(10) ** -power - target) <= max(tolerance.width,
                                                              abs(target) / 1000):
                return ("Your answer is out by a power of ten: check the decimal point and "
                        "the units.", Diagnosis.CONSTANT_FACTOR)
        ratio = nice_number(value / target)
        if ratio is not None:
            return (f"Your answer is {ratio} times the correct value: check the constant "
                    "factor.", Diagnosis.CONSTANT_FACTOR)
    return "Your answer is not the correct value.", Diagnosis.WRONG


def _tolerance(target: mpf, rel_tol: float | None, abs_tol: float | None,
               decimal_places: int | None, significant_figures: int | None) -> Tolerance:
    slack = 1 + mpf(10) ** -12  # so that a correctly rounded answer on the boundary passes
    with mpmath.workdps(DIGITS):
        if decimal_places is not None:
            if decimal_places < 0:
                raise QuestionError("decimal_places must be 0 or more")
            return Tolerance(mpf(10) ** -decimal_places / 2 * slack,
                             f"to {decimal_places} decimal place"
                             f"{'s' if decimal_places != 1 else ''}")
        if significant_figures is not None:
            if significant_figures < 1:
                raise QuestionError("significant_figures must be 1 or more")
            leading = int(mpmath.floor(mpmath.log10(abs(target)))) if target != 0 else 0
            return Tolerance(mpf(10) ** (leading - significant_figures + 1) / 2 * slack,
                             f"to {significant_figures} significant figure"
                             f"{'s' if significant_figures != 1 else ''}")
        relative = DEFAULT_REL_TOL if rel_tol is None else rel_tol
        absolute = DEFAULT_ABS_TOL if abs_tol is None else abs_tol
        if relative < 0 or absolute < 0:
            raise QuestionError("tolerances must not be negative")
        return Tolerance(max(mpf(absolute), mpf(relative) * abs(target)),
                         "more accurately (or give the exact value)")


def _answer_value(parsed: ParsedMath) -> mpf:
    expr = scalar(parsed, "a number")
    if expr.free_symbols:
        names = ", ".join(sorted(s.name for s in expr.free_symbols))
        raise InvalidAnswer(CheckResult.invalid(
            f"The answer must be a number, but it contains {names}.", interpreted=parsed.text))
    value = _value(expr)
    if value is None:
        raise InvalidAnswer(CheckResult.invalid(
            "Your answer is not a real number (for example, it takes the square root or the "
            "logarithm of a negative number).", interpreted=parsed.text))
    return value


def _value(expr: sp.Basic) -> mpf | None:
    """The real value of a constant expression at DIGITS digits, or None if it has none."""
    if not isinstance(expr, sp.Expr) or expr.free_symbols:
        return None
    try:
        evaluate = compile_real(expr, [])
        with mpmath.workdps(DIGITS):
            return evaluate(())
    except (Undefined, Unreliable, Unsupported, ZeroDivisionError, ValueError):
        return None
