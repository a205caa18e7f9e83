"""Why a Taylor series cannot be built at a point, in words a learner can act on.

A series about ``a`` needs f and its derivatives to exist (finite, real, the same from
both sides) at ``a``. Each derivative is evaluated there; when the value is undefined,
infinite, complex, or comes from a non-smooth piece (|x|, sign, Piecewise ...), the two
one-sided limits decide what went wrong: a pole, the edge of the domain, a corner.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sympy as sp

from nablalab.mathinput.coerce import ExprLike, PointLike, as_expression, as_number, expr_dict
from nablalab.timelimit import ComputationTimeout, call_with_timeout

_NON_SMOOTH = (
    sp.Abs, sp.sign, sp.Heaviside, sp.Piecewise, sp.floor, sp.ceiling, sp.Min, sp.Max,
    sp.re, sp.im, sp.frac, sp.DiracDelta,
)
_PROBE = sp.Rational(1, 10**9)
LIMIT_SECONDS = 10.0


class ExpansionPointError(ValueError):
    """f has no Taylor series at this point; ``kind`` is pole, outside_domain,
    edge_of_domain, blows_up, not_smooth or undecided."""

    def __init__(self, message: str, *, kind: str, point: sp.Expr, order: int) -> None:
        super().__init__(message)
        self.kind = kind
        self.point = point
        self.order = order


def ordinal(k: int) -> str:
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    return f"{k}{suffix}"


def derivative_values(f: sp.Expr, x: sp.Symbol, a: sp.Expr, order: int) -> list[sp.Expr]:
    """[f(a), f'(a), ..., f^(order)(a)] exactly, or ExpansionPointError saying why not."""
    values = []
    derivative = f
    for k in range(order + 1):
        if k:
            derivative = sp.diff(derivative, x)
        values.append(_value_at(f, derivative, x, a, k))
    return values


def _value_at(f: sp.Expr, derivative: sp.Expr, x: sp.Symbol, a: sp.Expr, k: int) -> sp.Expr:
    # A jump in a lower derivative was already reported, so any delta here sits elsewhere.
    derivative = derivative.replace(sp.DiracDelta, lambda *args: sp.S.Zero)
    value = sp.simplify(derivative.subs(x, a))
    if _is_finite_real(value) and not derivative.has(*_NON_SMOOTH):
        return value
    name = "f" if k == 0 else f"the {ordinal(k)} derivative of f"
    real_left, real_right = (_is_real_near(f, x, a + side * _PROBE) for side in (-1, 1))
    if not (real_left or real_right):
        raise ExpansionPointError(
            f"x = {a} is outside the domain of f: f({a}) = {value} is not a real number, "
            "so there is nothing to expand. Choose a point where f is defined.",
            kind="outside_domain", point=a, order=k,
        )
    if not (real_left and real_right):
        side = "right" if real_right else "left"
        raise ExpansionPointError(
            f"x = {a} is at the edge of the domain of f: f is only defined to the {side} of "
            f"it, and {name} {'is not finite' if k else 'is not defined on both sides'} there "
            "(like sqrt at 0 or ln at 0). A Taylor series needs f defined on both sides.",
            kind="edge_of_domain", point=a, order=k,
        )
    try:
        left, right = call_with_timeout(_side_limits, derivative, x, a, timeout=LIMIT_SECONDS)
    except ComputationTimeout as exc:
        raise ExpansionPointError(
            f"Could not decide whether {name} exists at x = {a}: its limits took too long.",
            kind="undecided", point=a, order=k,
        ) from exc
    if left == right and _is_finite_real(left):
        return sp.simplify(left)  # a removable gap, e.g. sin(x)/x at 0
    if not (_is_finite_real(left) and _is_finite_real(right)):
        kind = "pole" if k == 0 else "blows_up"
        cause = "f has a pole there (it divides by zero)" if k == 0 else (
            f"{name} becomes infinite there, so f is not smooth enough"
        )
        raise ExpansionPointError(
            f"No Taylor series about x = {a}: {cause}; {name} tends to {left} from the left "
            f"and {right} from the right. Choose a point away from it.",
            kind=kind, point=a, order=k,
        )
    raise ExpansionPointError(
        f"No Taylor series about x = {a}: f is not smooth there — {name} is {left} from the "
        f"left but {right} from the right (a corner or jump, like |x| at 0).",
        kind="not_smooth", point=a, order=k,
    )


def _side_limits(expr: sp.Expr, x: sp.Symbol, a: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
    return sp.limit(expr, x, a, "-"), sp.limit(expr, x, a, "+")


def _is_finite_real(value: sp.Expr) -> bool:
    return bool(value.is_finite and value.is_real and not value.has(sp.nan, sp.zoo))


def _is_real_near(f: sp.Expr, x: sp.Symbol, point: sp.Expr) -> bool:
    value = f.subs(x, point)
    if value.is_real is not None or value.has(sp.nan, sp.zoo):
        return bool(value.is_real and value.is_finite)
    approx = complex(value.evalf(30))
    return abs(approx.imag) <= 1e-15 * abs(approx)


@dataclass(frozen=True)
class PointVerdict:
    """Whether one expansion point works, and why not."""

    point: sp.Expr
    works: bool
    kind: str | None
    reason: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "point": expr_dict(self.point), "works": self.works,
            "kind": self.kind, "reason": self.reason,
        }


def check_expansion_points(
    function: ExprLike, points: Sequence[PointLike], order: int = 3,
    variable: sp.Symbol | str | None = None,
) -> list[PointVerdict]:
    """For each point: can f be expanded there to ``order``? (the course's
    "which expansion points work for 2/(x^2 - x)")."""
    f, (x,) = as_expression(function, None if variable is None else [variable])
    verdicts = []
    for point in points:
        a = as_number(point)
        try:
            derivative_values(f, x, a, order)
        except ExpansionPointError as error:
            verdicts.append(PointVerdict(a, False, error.kind, str(error)))
        else:
            verdicts.append(PointVerdict(a, True, None, None))
    return verdicts
