"""Rise over run: the secant through (x0, f(x0)) and (x0 + h, f(x0 + h)) for a whole sweep of
steps h = 1 ... 1e-15 in one answer, with the forward and central finite-difference errors
against the exact derivative, so the h slider and the dragged point redraw locally and the
log-log plot shows truncation error meeting round-off."""

from __future__ import annotations

import numpy as np
import sympy as sp
from django.http import HttpRequest
from ninja import Field, Router, Schema

from nablalab.mathinput import latex, plain_text, symbol
from nablalab.numeric import step_error_table
from nablalab.web.explore.endpoints._numbers import (
    UnusableInput,
    computed,
    derivative_of,
    significant,
)
from nablalab.web.explore.functions import finite, numeric, read_function, remembered

router = Router(tags=["widgets"])
SAMPLES = 401
STEPS = np.logspace(0.0, -15.0, 61)  # four steps per decade, as the slider moves
METHODS = ("forward", "central")


class RiseIn(Schema):
    f: str = Field(max_length=300, description="The function of x, as a learner types it.")
    x0: float = Field(default=1.0, ge=-1e4, le=1e4, description="The fixed point.")
    xmin: float = Field(default=-3, ge=-1e6, le=1e6)
    xmax: float = Field(default=3, ge=-1e6, le=1e6)


class MethodOut(Schema):
    estimates: list[float | None]
    errors: list[float | None]
    best_step: float
    best_error: float
    suggested_step: float


class RiseOut(Schema):
    f: str
    f_latex: str
    derivative: str
    derivative_latex: str
    x0: float
    y0: float
    exact_slope: float = Field(description="f'(x0), from the exact derivative.")
    x: list[float]
    y: list[float | None]
    steps: list[float]
    y_ahead: list[float | None] = Field(description="f(x0 + h) for each step h.")
    methods: dict[str, MethodOut]


@router.post("/rise-over-run", response=RiseOut, url_name="widget_rise_over_run")
def rise_over_run(request: HttpRequest, body: RiseIn) -> dict:
    """The curve, the exact slope at x0 and both finite differences for every step."""
    expr = read_function(body.f, ["x"]).expr
    lo, hi = sorted((body.xmin, body.xmax))
    return remembered("rise-over-run", body,
                      lambda: computed(_sweep, expr, body.x0, lo, max(hi, lo + 1e-6)))


def _sweep(expr: sp.Expr, x0: float, lo: float, hi: float) -> dict:
    x = symbol("x")
    derivative = derivative_of(expr)
    exact = _exact_value(derivative, x, x0)
    f = numeric(expr, [x])
    y0 = float(f(np.float64(x0)))
    if exact is None or not np.isfinite(y0):
        raise UnusableInput(f"f is not differentiable at x0 = {x0:g} (f or f′ is undefined "
                         "there): drag the point somewhere else.")
    tables = {method: step_error_table(f, x0, exact, method, STEPS) for method in METHODS}
    grid = np.linspace(lo, hi, SAMPLES)
    return {
        "f": plain_text(expr), "f_latex": latex(expr),
        "derivative": plain_text(derivative), "derivative_latex": latex(derivative),
        "x0": x0, "y0": y0, "exact_slope": exact,
        "x": finite(grid), "y": finite(f(grid)),
        "steps": significant(STEPS, 17), "y_ahead": significant(f(x0 + STEPS), 17),
        "methods": {method: {
            "estimates": significant(table.estimates, 17), "errors": significant(table.errors),
            "best_step": table.best_step, "best_error": table.best_error,
            "suggested_step": table.suggested_step,
        } for method, table in tables.items()},
    }


def _exact_value(derivative: sp.Expr, x: sp.Symbol, x0: float) -> float | None:
    """f'(x0) to full double precision (evaluated with 30 digits), None where undefined."""
    value = derivative.subs(x, sp.Rational(repr(x0))).evalf(30)
    if not (value.is_real and value.is_finite):
        return None
    return float(value)


_FUNCTIONS = ("sin(x)", "exp(x)", "x^3 - 2*x", "ln(x^2 + 1)")
BENCH_CASES = [
    ("rise-over-run: drag x0", "rise-over-run",
     lambda i: {"f": _FUNCTIONS[i % 4], "x0": round(-2 + 0.07 * i, 2), "xmin": -3, "xmax": 3}),
]
