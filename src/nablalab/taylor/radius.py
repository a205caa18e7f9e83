"""Radius of convergence: how far from the expansion point the series still converges.

Two independent routes: the ratio test on the general term (when SymPy finds one), and
the distance from the expansion point to f's nearest singularity in the complex plane
(poles, branch points), which is why 1/(1+x^2) about 0 stops at |x| = 1 although it is
smooth on the whole real line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import mpmath
import sympy as sp

from nablalab.mathinput.coerce import expr_dict
from nablalab.taylor.general_term import GeneralTerm
from nablalab.timelimit import ComputationTimeout, call_with_timeout

RADIUS_SECONDS = 8.0
_ENTIRE = (sp.exp, sp.sin, sp.cos, sp.sinh, sp.cosh)
_BRANCH_AT = {  # inverse functions are singular where their argument reaches these values
    sp.atan: (sp.I, -sp.I), sp.asinh: (sp.I, -sp.I), sp.acot: (sp.I, -sp.I),
    sp.asin: (1, -1), sp.acos: (1, -1), sp.atanh: (1, -1), sp.acosh: (1, -1),
    sp.acoth: (1, -1),
}
_PERIODIC_POLES = {  # argument values u = shift + k*period (k any integer) where f has a pole
    sp.tan: (sp.pi / 2, sp.pi), sp.sec: (sp.pi / 2, sp.pi),
    sp.cot: (0, sp.pi), sp.csc: (0, sp.pi),
    sp.tanh: (sp.I * sp.pi / 2, sp.I * sp.pi), sp.sech: (sp.I * sp.pi / 2, sp.I * sp.pi),
    sp.coth: (0, sp.I * sp.pi), sp.csch: (0, sp.I * sp.pi),
}


class _Unknown(Exception):
    """A piece of f whose singularities this module cannot locate."""


@dataclass(frozen=True)
class Radius:
    """``value`` is None when unknown, sp.oo for an entire function."""

    value: sp.Expr | None
    method: str
    nearest_singularity: sp.Expr | None
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": None if self.value is None else expr_dict(self.value),
            "float": None if self.value is None else float(self.value),
            "method": self.method,
            "nearest_singularity": (
                None if self.nearest_singularity is None else expr_dict(self.nearest_singularity)
            ),
            "explanation": self.explanation,
        }


def radius_of_convergence(
    f: sp.Expr, x: sp.Symbol, a: sp.Expr, general: GeneralTerm | None = None
) -> Radius:
    """The radius by the nearest complex singularity, else by the ratio test."""
    try:
        found = call_with_timeout(_by_singularities, f, x, a, timeout=RADIUS_SECONDS)
    except (ComputationTimeout, _Unknown, NotImplementedError, ValueError, TypeError):
        found = None
    if found is not None:
        return found
    if general is not None:
        try:
            return call_with_timeout(_by_ratio_test, general, timeout=RADIUS_SECONDS)
        except (ComputationTimeout, _Unknown, NotImplementedError, ValueError, TypeError):
            pass
    return Radius(None, "unknown", None, "The radius of convergence could not be determined.")


def ratio_test_radius(general: GeneralTerm) -> sp.Expr:
    """R = (lim |c_m / c_(m+1)|)^(1/p) for terms c_m (x - a)^(p m + r)."""
    return _by_ratio_test(general).value


def _by_ratio_test(general: GeneralTerm) -> Radius:
    m = general.index
    c = general.coefficient
    quotient = sp.simplify(sp.combsimp(sp.expand_func(sp.gammasimp(c / c.subs(m, m + 1)))))
    ratio = sp.limit(sp.Abs(quotient), m, sp.oo)
    if ratio.has(sp.nan) or ratio.is_extended_nonnegative is not True:
        raise _Unknown("the ratio test gave no limit")
    value = sp.oo if ratio is sp.oo else ratio ** sp.Rational(1, general.step)
    return Radius(
        value, "ratio test", None,
        f"Ratio test: |c_n / c_(n+1)| tends to {ratio} as n grows, so the series converges "
        f"for |x - a|{'^' + str(general.step) if general.step > 1 else ''} < {ratio}.",
    )


def _by_singularities(f: sp.Expr, x: sp.Symbol, a: sp.Expr) -> Radius:
    z = sp.Symbol("z")  # complex: singularities may sit off the real line
    g = f.subs(x, z)
    evaluate = sp.lambdify(z, g, modules="mpmath")
    by_distance = sorted(
        ((sp.nsimplify(sp.Abs(c - a)), c) for c in _candidates(g, z)),
        key=lambda pair: float(pair[0]),
    )
    singular = (pair for pair in by_distance if _blows_up_or_branches(evaluate, pair[1]))
    distance, nearest = next(singular, (None, None))
    if nearest is None:
        return Radius(
            sp.oo, "singularities", None,
            "f has no singularities anywhere in the complex plane, so its series converges "
            "for every x.",
        )
    return Radius(
        sp.simplify(distance), "singularities", nearest,
        f"The nearest singularity of f to {a} in the complex plane is at {nearest}, at distance "
        f"{sp.simplify(distance)}: the series converges only inside that circle.",
    )


def _candidates(g: sp.Expr, z: sp.Symbol) -> list[sp.Expr]:
    """Points where a piece of g may fail to be analytic (some may prove removable)."""
    points: list[sp.Expr] = []
    for node in sp.preorder_traversal(g):
        if not node.has(z) or node.is_Symbol or node.is_Add or node.is_Mul:
            continue
        if node.is_Pow:
            base, exponent = node.args
            if exponent.has(z):
                if base.has(z):
                    raise _Unknown("a power with the variable in both base and exponent")
                continue  # c^u(z) is exp(u log c): entire in u
            if not (exponent.is_Integer and exponent > 0):
                points += _zeros(base, z)
        elif isinstance(node, sp.log | sp.Abs):
            points += _zeros(node.args[0], z)
        elif node.func in _BRANCH_AT:
            argument = node.args[0]
            points += [p for value in _BRANCH_AT[node.func] for p in _zeros(argument - value, z)]
        elif node.func in _PERIODIC_POLES:
            points += _periodic_zeros(node.args[0], z, *_PERIODIC_POLES[node.func])
        elif not isinstance(node, _ENTIRE):
            raise _Unknown(f"no singularity rule for {node.func}")
    return points


def _zeros(expr: sp.Expr, z: sp.Symbol) -> list[sp.Expr]:
    expr = sp.together(expr)
    numerator, denominator = sp.fraction(expr)
    if denominator.has(z):  # zeros of a quotient are zeros of its numerator; poles are found too
        return _zeros(numerator, z) + _zeros(denominator, z)
    if numerator.is_polynomial(z):
        return list(sp.roots(sp.Poly(numerator, z), multiple=True)) or [
            sp.Float(r) for r in sp.Poly(numerator, z).nroots()
        ]
    solutions = sp.solve(numerator, z)
    if not isinstance(solutions, list):
        raise _Unknown("the zeros of a sub-expression are not a finite list")
    return solutions


def _periodic_zeros(
    argument: sp.Expr, z: sp.Symbol, shift: sp.Expr, period: sp.Expr
) -> list[sp.Expr]:
    """Solutions of argument = shift + k*period for a linear argument, near the origin."""
    if not argument.is_polynomial(z) or sp.degree(argument, z) != 1:
        raise _Unknown("a periodic function of a non-linear argument")
    slope, intercept = sp.Poly(argument, z).all_coeffs()
    return [(shift + k * period - intercept) / slope for k in range(-50, 51)]


def _blows_up_or_branches(evaluate: Any, point: sp.Expr) -> bool:
    """A numeric look around the candidate: do f or its first derivatives explode there?

    Poles make |f| grow as the circle shrinks; branch points (sqrt, log) make some low
    derivative grow. A removable gap (sin(z)/z at 0) shows neither.
    """
    centre = complex(point)
    with mpmath.workdps(40):
        sizes = [_largest_derivative(evaluate, centre, radius) for radius in (1e-4, 1e-7)]
    return sizes[1] > 10 * sizes[0]


def _largest_derivative(evaluate: Any, centre: complex, radius: float) -> float:
    """max over orders 0..3 of |f^(k)| sampled on a small circle (numeric, complex-step)."""
    largest = 0.0
    for angle in (0.3, 1.9, 3.5, 5.1):
        here = mpmath.mpc(centre) + radius * mpmath.expjpi(angle / mpmath.pi)
        for order in range(4):
            try:
                value = abs(mpmath.diff(evaluate, here, order, h=radius / 100))
            except (ZeroDivisionError, ValueError, OverflowError):
                return mpmath.inf
            largest = max(largest, float(value))
    return largest
