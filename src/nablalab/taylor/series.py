"""Taylor series of a function of one variable, shown the way it is built by hand.

Each row of the table is one derivative: f^(n)(x), its value at a, and the coefficient
f^(n)(a)/n! it contributes, so a learner can check every step of a worked answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy as sp

from nablalab.mathinput.coerce import ExprLike, PointLike, as_expression, as_number, expr_dict
from nablalab.taylor.error_table import ErrorTable, error_table
from nablalab.taylor.expansion_point import derivative_values
from nablalab.taylor.general_term import GeneralTerm, find_general_term
from nablalab.taylor.radius import Radius, radius_of_convergence
from nablalab.taylor.terms import written_sum, written_term


@dataclass(frozen=True)
class SeriesTerm:
    """One row of the worked table: n, f^(n)(x), f^(n)(a), f^(n)(a)/n!, the term."""

    order: int
    derivative: sp.Expr
    value: sp.Expr
    coefficient: sp.Expr
    term: sp.Expr

    def to_dict(self) -> dict[str, Any]:
        return {
            "order": self.order, "derivative": expr_dict(self.derivative),
            "value": expr_dict(self.value), "coefficient": expr_dict(self.coefficient),
            "term": expr_dict(self.term),
        }


@dataclass(frozen=True)
class TaylorSeries:
    """The degree-``order`` Taylor polynomial of f about a, with its worked table."""

    function: sp.Expr
    variable: sp.Symbol
    point: sp.Expr
    order: int
    terms: tuple[SeriesTerm, ...]
    polynomial: sp.Expr
    general_term: GeneralTerm | None
    radius: Radius | None

    def error_table(self, distances: list[float] | None = None) -> ErrorTable:
        """|f - polynomial| at a + d for shrinking d: the error falls like d^(order+1)."""
        return error_table(
            self.function, self.polynomial, (self.variable,), (self.point,), (1,),
            self.order, distances,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "function": expr_dict(self.function), "variable": self.variable.name,
            "point": expr_dict(self.point), "order": self.order,
            "terms": [t.to_dict() for t in self.terms],
            "polynomial": expr_dict(self.polynomial),
            "general_term": None if self.general_term is None else self.general_term.to_dict(),
            "radius": None if self.radius is None else self.radius.to_dict(),
        }


def taylor_series(
    function: ExprLike, point: PointLike = 0, order: int = 4,
    variable: sp.Symbol | str | None = None, *, with_convergence: bool = True,
) -> TaylorSeries:
    """Expand f about ``point`` up to (x - a)^order.

    Raises ExpansionPointError (a ValueError) when f has no series there, saying why.
    ``with_convergence`` also finds the general term and the radius of convergence (each
    time-bounded; None when SymPy cannot find them).
    """
    if order < 0:
        raise ValueError("the order of a Taylor polynomial is a whole number, 0 or more")
    f, variables = as_expression(function, None if variable is None else [variable])
    if not variables:  # a constant: read it as a function of x
        f, variables = as_expression(f, ["x"])
    if len(variables) != 1:
        raise ValueError(
            f"this expansion is for one variable, but f has {len(variables)}: "
            "use taylor_multivariate for several"
        )
    (x,), a = variables, as_number(point)
    values = derivative_values(f, x, a, order)
    terms = []
    derivative = f
    for n, value in enumerate(values):
        if n:
            derivative = sp.diff(derivative, x)
        coefficient = value / sp.factorial(n)
        term = written_term(coefficient, [(x - a) ** n])
        terms.append(SeriesTerm(n, derivative, value, coefficient, term))
    polynomial = written_sum(t.term for t in terms)
    general = find_general_term(f, x, a) if with_convergence else None
    radius = radius_of_convergence(f, x, a, general) if with_convergence else None
    return TaylorSeries(f, x, a, order, tuple(terms), polynomial, general, radius)
