"""Shared pieces of the Taylor questions: the engine's table as the worked solution."""

from __future__ import annotations

import sympy as sp

from nablalab.taylor import TaylorSeries, taylor_series

from ..questions.worked import series_table


def maclaurin(f: sp.Expr, x: sp.Symbol, order: int, point: sp.Expr = sp.S.Zero) -> sp.Expr:
    """SymPy's own series (independent of the taylor engine), as a polynomial."""
    shifted = sp.series(f.subs(x, x + point), x, 0, order + 1).removeO()
    return sp.expand(shifted.subs(x, x - point)) if point != 0 else shifted


def without_factorials(series: TaylorSeries) -> sp.Expr:
    """The classic slip: f^(n)(a) (x - a)^n with no division by n!."""
    x, a = series.variable, series.point
    return sum(t.value * (x - a) ** t.order for t in series.terms)


def worked_series(f: sp.Expr, x: sp.Symbol, order: int, point: sp.Expr = sp.S.Zero
                  ) -> tuple[TaylorSeries, tuple[str, ...]]:
    series = taylor_series(f, point, order, x, with_convergence=False)
    steps = ("Differentiate repeatedly, evaluate at the expansion point and divide by $n!$:",
             series_table(series),
             f"Adding the terms: ${sp.latex(series.polynomial)}$.")
    return series, steps
