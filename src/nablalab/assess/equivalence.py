"""Are two real expressions equal? The policy, and the method that decides it.

Policy: two expressions are equivalent when they agree wherever BOTH are defined (as real
numbers, every sub-expression real), and that common domain is not empty. Consequences,
each pinned down by a test:

* (x^2 - 1)/(x - 1) and x + 1 are equivalent (the hole at x = 1 is outside the common domain);
* log(x^2) and 2 log(x) are equivalent: 2 log(x) only exists for x > 0, where they agree.
  Likewise sqrt(x) sqrt(y) and sqrt(xy) (common domain x, y >= 0);
* sqrt(x^2) and x are NOT (they differ at every x < 0); sqrt(x^2) and |x| are;
* atan(x) + atan(1/x) and pi/2 are NOT (they differ for x < 0);
* sqrt(-1 - x^2) and anything: no common domain, so not equivalent (with that reason);
* domains of measure zero (sqrt(x - y) + sqrt(y - x), defined only on x = y) are not found
  by sampling and count as "no common domain".

Method: evaluate both sides at a fixed list of sample points (``sampling``) with mpmath,
first at 30 and 60 significant digits. The change between the two precisions estimates the
rounding error of the 60-digit value, so cancellation (a 200-term expansion of (x - 1)^200)
is detected rather than trusted; an unsure point is re-evaluated at 120, 240, 480 digits.
A point where the difference is real (larger than the error, and stable as precision grows)
decides "different" at once; otherwise ``REQUIRED_AGREEMENTS`` agreeing points decide
"equivalent". Only when no point can be trusted does a cheap symbolic test get the last
word. Nearly-equal traps (x versus x + 10^-8, or sin x + 10^-12 x^30) are caught because the
tolerance is the measured error, around 10^-55 relative, not a fixed 10^-9.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import mpmath
import sympy as sp
from mpmath import mpf

from nablalab.assess.realeval import (
    Evaluator,
    Point,
    Undefined,
    Unreliable,
    Unsupported,
    compile_real,
)
from nablalab.assess.sampling import sample_points

PRECISIONS = (30, 60, 120, 240, 480)  # significant digits, tried in turn at an unsure point
REQUIRED_AGREEMENTS = 10
_SAFETY = 100          # the error estimate is multiplied by this before it is trusted
_RELIABLE = mpf(10) ** -15  # an agreement counts when the error is this small, relatively...
_NEGLIGIBLE = mpf(10) ** -40  # ...or absolutely (both sides are zero up to rounding)
_SYMBOLIC_OPS_BUDGET = 400


class Verdict(StrEnum):
    EQUIVALENT = "equivalent"
    DIFFERENT = "different"
    NO_COMMON_DOMAIN = "no_common_domain"
    UNDECIDED = "undecided"


@dataclass(frozen=True)
class Comparison:
    """The verdict with its evidence: agreeing points, and a point where they differ."""

    verdict: Verdict
    agreements: int = 0
    witness: tuple[tuple[str, float], ...] = ()  # (name, value) where they differ
    method: str = "numeric"

    @property
    def equivalent(self) -> bool:
        return self.verdict is Verdict.EQUIVALENT


class _Outcome(StrEnum):
    AGREE = "agree"
    DIFFER = "differ"
    UNDEFINED = "undefined"
    UNRELIABLE = "unreliable"


def compare(first: sp.Expr, second: sp.Expr,
            variables: Sequence[sp.Symbol] = ()) -> Comparison:
    """Decide whether ``first`` and ``second`` agree on their common real domain."""
    names = sorted(first.free_symbols | second.free_symbols | set(variables), key=str)
    try:
        evaluators = compile_real(first, names), compile_real(second, names)
    except Unsupported:
        return _symbolic_only(first, second)
    comparison = compare_evaluators(*evaluators, names)
    if comparison.verdict is Verdict.UNDECIDED:
        return _symbolic_only(first, second)
    return comparison


def compare_evaluators(first: Evaluator, second: Evaluator, names: Sequence[sp.Symbol]
                       ) -> Comparison:
    """The numeric method on two compiled functions of the variables ``names``."""
    agreements = unreliable = 0
    start = 0  # precision level to begin at: where the previous point became trustworthy
    for point in sample_points(len(names)):
        outcome, level = _compare_at(first, second, point, start)
        start = max(level - 1, 0) if outcome is _Outcome.AGREE else start
        if outcome is _Outcome.DIFFER:
            return Comparison(Verdict.DIFFERENT, agreements, witness=tuple(
                (str(name), float(value)) for name, value in zip(names, point, strict=True)))
        if outcome is _Outcome.AGREE:
            agreements += 1
            if agreements >= REQUIRED_AGREEMENTS or not names:
                break
        unreliable += outcome is _Outcome.UNRELIABLE
    if agreements:
        return Comparison(Verdict.EQUIVALENT, agreements)
    if unreliable:
        return Comparison(Verdict.UNDECIDED)
    return Comparison(Verdict.NO_COMMON_DOMAIN)


def is_zero(expression: sp.Expr, variables: Sequence[sp.Symbol] = ()) -> bool:
    """Whether ``expression`` vanishes wherever it is defined (and is defined somewhere)."""
    return compare(expression, sp.Integer(0), variables).equivalent


def constant_value(expression: sp.Expr, variables: Sequence[sp.Symbol] = ()) -> mpf | None:
    """The value of ``expression`` (30 digits) if it is the same wherever it is defined.

    Its value at the first defined sample point is compared with its value everywhere,
    re-evaluated at each working precision, so no symbolic differentiation is needed.
    """
    names = sorted(expression.free_symbols | set(variables), key=str)
    try:
        evaluate = compile_real(expression, names)
    except Unsupported:
        return None
    for point in sample_points(len(names)):
        try:
            with mpmath.workdps(PRECISIONS[0]):
                value = evaluate(point)
        except (Undefined, Unreliable, ZeroDivisionError, ValueError):
            continue
        if compare_evaluators(evaluate, lambda _, p=point: evaluate(p), names).equivalent:
            return value
        return None
    return None


def _compare_at(first: Evaluator, second: Evaluator, point: Point, start: int
                ) -> tuple[_Outcome, int]:
    """The outcome at one point, and the precision level (index) that settled it."""
    try:
        low = _evaluate_pair(first, second, point, PRECISIONS[start])
        for level in range(start + 1, len(PRECISIONS)):
            high = _evaluate_pair(first, second, point, PRECISIONS[level])
            gain = PRECISIONS[level] - PRECISIONS[level - 1]
            outcome = _judge(low, high, gain, PRECISIONS[level])
            if outcome is not None:
                return outcome, level
            low = high
    except Undefined:
        return _Outcome.UNDEFINED, start
    except (Unreliable, OverflowError, MemoryError):
        return _Outcome.UNRELIABLE, start
    return _Outcome.UNRELIABLE, start


def _evaluate_pair(first: Evaluator, second: Evaluator, point: Point, digits: int
                   ) -> tuple[mpf, mpf]:
    with mpmath.workdps(digits):
        try:
            return first(point), second(point)
        except ZeroDivisionError as error:
            raise Undefined("division by zero") from error
        except ValueError as error:  # mpmath's refusals (poles, bad arguments)
            raise Undefined(str(error)) from error


def _judge(low: tuple[mpf, mpf], high: tuple[mpf, mpf], gain: int, digits: int
           ) -> _Outcome | None:
    """AGREE/DIFFER when the high-precision values are trustworthy enough, else None."""
    with mpmath.workdps(digits + 10):
        shrink = mpf(10) ** -gain
        error = sum(abs(lo - hi) for lo, hi in zip(low, high, strict=True)) * shrink
        scale = max(abs(high[0]), abs(high[1]))
        uncertainty = _SAFETY * error + scale * mpf(10) ** (5 - digits)
        difference = high[0] - high[1]
        if abs(difference) <= uncertainty:
            if uncertainty <= _RELIABLE * scale or uncertainty <= _NEGLIGIBLE:
                return _Outcome.AGREE
            return None
        previous = low[0] - low[1]
        if abs(previous - difference) <= abs(difference) / 100:
            return _Outcome.DIFFER
        return None


def _symbolic_only(first: sp.Expr, second: sp.Expr) -> Comparison:
    """The fallback when no point can be evaluated: a cheap exact test of first - second."""
    if _infinite(first) != _infinite(second):
        return Comparison(Verdict.DIFFERENT, method="symbolic")
    difference = first - second
    if difference == 0 or (
            sp.count_ops(difference) <= _SYMBOLIC_OPS_BUDGET
            and sp.simplify(difference) == 0):
        return Comparison(Verdict.EQUIVALENT, method="symbolic")
    return Comparison(Verdict.UNDECIDED, method="symbolic")


def _infinite(expr: sp.Expr) -> bool:
    return expr.has(sp.oo, sp.zoo)
