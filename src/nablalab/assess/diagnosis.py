"""Why a wrong answer is wrong: declared mistakes first, then generic patterns.

Order (the first that applies wins): a mistake the author declared; the negative of the
answer; a constant multiple; one term missing; one term too many; for derivative
questions, an antiderivative or the original function; for antiderivative questions, the
derivative or the original function; off by an additive constant. Every test uses the
kind's own notion of "the same" (plain equivalence, or equality up to a constant), so a
declared mistake of an antiderivative question matches whatever constant the learner adds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

import mpmath
import sympy as sp

from nablalab.mathinput import plain_text

from .answers import QuestionError, trusted
from .equivalence import constant_value
from .realeval import Undefined, Unreliable, Unsupported, compile_real
from .result import Diagnosis
from .sampling import sample_points

Same = Callable[[sp.Expr, sp.Expr], bool]
MAX_TERMS = 12  # missing/extra term search: sums longer than this are not taken apart


@dataclass(frozen=True)
class Finding:
    diagnosis: Diagnosis
    feedback: str
    score: float = 0.0


@dataclass(frozen=True)
class Mistake:
    """A wrong answer the author expects, the feedback it deserves, and its credit."""

    value: sp.Basic
    feedback: str
    score: float = 0.0


def read_mistakes(mistakes: Iterable[Sequence[object]] | None,
                  variables: Sequence[str] | None) -> list[Mistake]:
    """``[(expression, feedback), ...]`` or with a third item, the credit (default 0)."""
    result = []
    for item in mistakes or ():
        if not isinstance(item, Sequence) or isinstance(item, str) or len(item) not in (2, 3):
            raise QuestionError(
                f"each mistake must be (expression, feedback[, score]), not {item!r}")
        score = float(item[2]) if len(item) == 3 else 0.0
        if not 0 <= score <= 1:
            raise QuestionError("a mistake's score must be between 0 and 1")
        result.append(Mistake(trusted(item[0], variables), str(item[1]), score))
    return result


def declared(answer: sp.Basic, mistakes: Sequence[Mistake],
             same: Callable[[sp.Basic, sp.Basic], bool]) -> Finding | None:
    for mistake in mistakes:
        if same(mistake.value, answer):
            return Finding(Diagnosis.DECLARED_MISTAKE, mistake.feedback, mistake.score)
    return None


def diagnose(expected: sp.Expr, answer: sp.Expr, same: Same, variables: Sequence[sp.Symbol],
             *, up_to_constant: bool = False, derivative_of: sp.Expr | None = None,
             wrt: sp.Symbol | None = None) -> Finding | None:
    """The first generic pattern that explains ``answer`` (learner) against ``expected``."""
    if expected == 0:
        return None
    if same(-expected, answer):
        return Finding(Diagnosis.SIGN,
                       "Check the sign: your answer is the negative of the correct answer.")
    factor = _constant_ratio(answer, expected, variables, up_to_constant)
    if factor is not None and factor not in (0, 1, -1) and same(factor * expected, answer):
        return Finding(Diagnosis.CONSTANT_FACTOR,
                       f"Your answer is {_show(factor)} times the correct answer: check the "
                       "constant factor.")
    if (finding := _term_difference(expected, answer, same)) is not None:
        return finding
    if derivative_of is not None and wrt is not None:
        if derivative_of.has(wrt) and same(sp.diff(answer, wrt), derivative_of):
            return Finding(Diagnosis.ANTIDERIVATIVE,
                           "This looks like an antiderivative of the function (its derivative "
                           "is the function itself): the question asks for the derivative.")
        if same(derivative_of, answer):
            return Finding(Diagnosis.ORIGINAL_FUNCTION,
                           "This is the original function: the question asks for its "
                           "derivative.")
        for other in sorted(derivative_of.free_symbols - {wrt}, key=str):
            if same(sp.diff(derivative_of, other), answer):
                return Finding(Diagnosis.WRONG_VARIABLE,
                               f"This is the derivative with respect to {other}; the question "
                               f"asks for the derivative with respect to {wrt}.")
    if up_to_constant and wrt is not None:
        integrand = sp.diff(expected, wrt)
        if integrand.has(wrt) and same(sp.diff(integrand, wrt), answer):
            return Finding(Diagnosis.DERIVATIVE,
                           "This looks like the derivative of the function: the question asks "
                           "for an antiderivative, so integrate instead.")
        if same(integrand, answer):
            return Finding(Diagnosis.ORIGINAL_FUNCTION,
                           "This is the function to be integrated, not an antiderivative of it.")
    if not up_to_constant and variables and (
            offset := _constant_offset(answer - expected, variables)) is not None:
        nice = nice_number(offset)
        amount = f" ({_show(nice)})" if nice is not None else ""
        return Finding(Diagnosis.ADDITIVE_CONSTANT,
                       f"Your answer differs from the correct one by a constant{amount}: check "
                       "the constant terms.")
    return None


def _constant_offset(difference: sp.Expr, variables: Sequence[sp.Symbol]) -> mpmath.mpf | None:
    value = constant_value(difference, variables)
    return None if value is None or value == 0 else value


def _term_difference(expected: sp.Expr, answer: sp.Expr, same: Same) -> Finding | None:
    if expected.is_Add and len(expected.args) <= MAX_TERMS:
        for term in expected.args:
            if same(expected - term, answer):
                return Finding(Diagnosis.MISSING_TERM,
                               "Your answer is missing a term: one part of the correct answer "
                               "does not appear in it.")
    if answer.is_Add and len(answer.args) <= MAX_TERMS:
        for term in answer.args:
            if same(expected, answer - term):
                return Finding(Diagnosis.EXTRA_TERM,
                               f"Your answer has a term too many: without {_show(term)} it "
                               "would be right.")
    return None


def _constant_ratio(answer: sp.Expr, expected: sp.Expr, variables: Sequence[sp.Symbol],
                    up_to_constant: bool) -> sp.Expr | None:
    """answer/expected as a recognisable constant, measured at one point (a candidate only:
    the caller confirms it). With an additive constant allowed, derivatives are compared."""
    if up_to_constant:
        for v in variables:
            derivative = sp.diff(expected, v)
            if derivative != 0:
                return _nice_value_somewhere(sp.diff(answer, v) / derivative, variables)
        return None
    return _nice_value_somewhere(answer / expected, variables)


def _nice_value_somewhere(expr: sp.Expr, variables: Sequence[sp.Symbol]) -> sp.Expr | None:
    """The value of ``expr`` at its first defined sample point, if it is a 'nice' number."""
    names = sorted(set(variables) | expr.free_symbols, key=str)
    try:
        evaluate = compile_real(expr, names)
    except Unsupported:
        return None
    with mpmath.workdps(30):
        for point in sample_points(len(names))[:24]:
            try:
                return nice_number(evaluate(point))
            except (Undefined, Unreliable, ZeroDivisionError, ValueError):
                continue
    return None


def nice_number(value: mpmath.mpf) -> sp.Expr | None:
    """A rational with a small denominator, or such a multiple of pi, equal to ``value``."""
    for unit in (sp.Integer(1), sp.pi):
        scaled = value / mpmath.mpf(unit.evalf(40))
        fraction = Fraction(mpmath.nstr(scaled, 25)).limit_denominator(1000)
        if abs(scaled - mpmath.mpf(fraction.numerator) / fraction.denominator) <= (
                mpmath.mpf(10) ** -20 * max(1, abs(scaled))):
            return sp.Rational(fraction.numerator, fraction.denominator) * unit
    return None


def _show(value: sp.Expr) -> str:
    return plain_text(value)
