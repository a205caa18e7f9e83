"""Taylor expansion in several variables: gradient, Hessian and higher derivative tensors.

The order-k part of the expansion is (1/k!) D^k f(p)[h, ..., h]; grouped by multi-index α
it is the sum of ∂^α f(p) / α! · h^α, which is how the polynomial is assembled here.
Linearisation is the order-1 case; its error table shows the course's O(Δx^2).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations_with_replacement
from math import prod
from typing import Any

import sympy as sp

from nablalab.mathinput.coerce import ExprLike, PointLike, as_expression, as_point, expr_dict
from nablalab.taylor.error_table import ErrorTable, error_table
from nablalab.taylor.terms import written_sum, written_term


@dataclass(frozen=True)
class MultivariateTaylor:
    """The order-``order`` expansion of f about ``point``; ``tensors[k]`` is D^k f(point)."""

    function: sp.Expr
    variables: tuple[sp.Symbol, ...]
    point: tuple[sp.Expr, ...]
    order: int
    value: sp.Expr
    tensors: tuple[sp.Array, ...]
    terms_by_order: tuple[sp.Expr, ...]
    polynomial: sp.Expr

    @property
    def gradient(self) -> sp.Matrix:
        return sp.Matrix(list(self.tensors[1])) if self.order >= 1 else None

    @property
    def hessian(self) -> sp.Matrix:
        return sp.Matrix(self.tensors[2].tolist()) if self.order >= 2 else None

    def error_table(
        self, direction: Sequence[float] | None = None, distances: Sequence[float] | None = None
    ) -> ErrorTable:
        """|f - polynomial| at point + d·direction: falls like d^(order+1)."""
        return error_table(
            self.function, self.polynomial, self.variables, self.point,
            direction or (1.0,) * len(self.variables), self.order, distances,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "function": expr_dict(self.function),
            "variables": [v.name for v in self.variables],
            "point": [expr_dict(c) for c in self.point], "order": self.order,
            "value": expr_dict(self.value),
            "tensors": [
                {"order": k, "text": sp.sstr(t.tolist()), "latex": sp.latex(t)}
                for k, t in enumerate(self.tensors) if k
            ],
            "gradient": None if self.order < 1 else expr_dict(self.gradient),
            "hessian": None if self.order < 2 else expr_dict(self.hessian),
            "terms_by_order": [expr_dict(t) for t in self.terms_by_order],
            "polynomial": expr_dict(self.polynomial),
        }


def taylor_multivariate(
    function: ExprLike, point: Sequence[PointLike], order: int = 2,
    variables: Sequence[sp.Symbol | str] | None = None,
) -> MultivariateTaylor:
    """Expand f(x1, ..., xm) about ``point`` to total degree ``order``.

    Derivatives are evaluated exactly at the point; a derivative that is infinite or
    undefined there is reported as a ValueError naming it.
    """
    if order < 0:
        raise ValueError("the order of a Taylor polynomial is a whole number, 0 or more")
    f, xs = as_expression(function, variables)
    p = as_point(point, len(xs))
    at_point = dict(zip(xs, p, strict=True))
    tensors = [sp.Array(_checked(f, at_point))]
    derivative_tensor: Any = f
    for _ in range(order):
        derivative_tensor = sp.derive_by_array(derivative_tensor, xs)
        tensors.append(derivative_tensor.applyfunc(lambda d: _checked(d, at_point)))
    h = [x - c for x, c in zip(xs, p, strict=True)]
    terms = [
        written_sum(
            written_term(
                tensors[k][index] / _multi_factorial(index),
                [h[i] ** index.count(i) for i in sorted(set(index))],
            )
            for index in combinations_with_replacement(range(len(xs)), k)
        )
        for k in range(order + 1)
    ]
    return MultivariateTaylor(
        f, xs, p, order, tensors[0][()], tuple(tensors), tuple(terms), written_sum(terms),
    )


def linearise(
    function: ExprLike, point: Sequence[PointLike],
    variables: Sequence[sp.Symbol | str] | None = None,
) -> MultivariateTaylor:
    """The first-order (tangent-plane) approximation f(p) + ∇f(p)·(x - p)."""
    return taylor_multivariate(function, point, 1, variables)


def _multi_factorial(index: tuple[int, ...]) -> int:
    """α! for the multi-index counting how often each variable appears in ``index``."""
    return prod(sp.factorial(index.count(i)) for i in set(index))


def _checked(derivative: sp.Expr, at_point: dict[sp.Symbol, sp.Expr]) -> sp.Expr:
    """The derivative's exact value at the point, which must be a finite real number."""
    value = sp.simplify(derivative.subs(at_point))
    if not (value.is_finite and value.is_real):
        where = ", ".join(f"{x} = {c}" for x, c in at_point.items())
        raise ValueError(
            f"no Taylor expansion at ({where}): the derivative {derivative} is {value} there "
            "(f is not smooth, or not defined, at this point)"
        )
    return value
