"""Newton–Raphson: the whole iteration from one start (the page steps through it one tangent
at a time), and the basins of convergence: which root, if any, each of many starts reaches,
with nablalab.optimize's honest statuses (diverged, cycle, zero derivative...)."""

from __future__ import annotations

import numpy as np
import sympy as sp
from django.http import HttpRequest
from ninja import Field, Router, Schema

from nablalab.calculus import differentiate
from nablalab.mathinput import latex, plain_text, symbol
from nablalab.optimize import newton_raphson
from nablalab.web.explore.functions import finite, limited, numeric, read_function, remembered

router = Router(tags=["widgets"])
CURVE_SAMPLES = 401
BASIN_STARTS = 201
MAX_ITERATIONS = 50
# |f| this small is a root: the sextic's terms reach 10^4, so rounding alone leaves |f| of
# order 1e-12 at its roots, and a stricter test would call converged starts "stalled".
FTOL = 1e-9


class RangeIn(Schema):
    f: str = Field(max_length=300, description="The function of x whose roots we seek.")
    xmin: float = Field(default=-6, ge=-1e4, le=1e4)
    xmax: float = Field(default=6, ge=-1e4, le=1e4)


class NewtonIn(RangeIn):
    x0: float = Field(default=1, ge=-1e6, le=1e6)


class Step(Schema):
    x: float
    fx: float
    dfx: float
    x_next: float


class NewtonOut(Schema):
    f: str
    f_latex: str
    derivative_latex: str
    x: list[float]
    y: list[float | None]
    steps: list[Step]
    status: str
    message: str
    root: float | None


class BasinsOut(Schema):
    starts: list[float]
    outcome: list[int | str] = Field(
        description="Per start: the index of the root reached, or why no root was reached.")
    iterations: list[int]
    roots: list[float]


def _range(body: RangeIn) -> tuple[float, float]:
    lo, hi = sorted((body.xmin, body.xmax))
    return lo, max(hi, lo + 1e-3)


@router.post("/newton", response=NewtonOut, url_name="widget_newton")
def newton_iterations(request: HttpRequest, body: NewtonIn) -> dict:
    """Every Newton step from x0, the curve to draw the tangents on, and how it ended."""
    expr = read_function(body.f, ["x"]).expr
    return remembered("newton", body, lambda: limited(_iterations, expr, body.x0, *_range(body)))


def _iterations(expr: sp.Expr, x0: float, lo: float, hi: float) -> dict:
    x = symbol("x")
    derivative = differentiate(expr, "x").result
    result = newton_raphson(expr, x0, variable=x, ftol=FTOL, maxiter=MAX_ITERATIONS)
    grid = np.linspace(lo, hi, CURVE_SAMPLES)
    return {
        "f": plain_text(expr), "f_latex": latex(expr), "derivative_latex": latex(derivative),
        "x": finite(grid), "y": finite(numeric(expr, [x])(grid)),
        "steps": [{"x": row["x"], "fx": row["fun"], "dfx": row["df"],
                   "x_next": row["x_next"]} for row in result.history],
        "status": result.status.value, "message": result.message,
        "root": float(result.x) if result.success else None,
    }


@router.post("/newton/basins", response=BasinsOut, url_name="widget_newton_basins")
def basins(request: HttpRequest, body: RangeIn) -> dict:
    """Where Newton's method goes from each of 201 starts across the range."""
    expr = read_function(body.f, ["x"]).expr
    return remembered("newton-basins", body, lambda: limited(_basins, expr, *_range(body)))


def _basins(expr: sp.Expr, lo: float, hi: float) -> dict:
    x = symbol("x")
    fun = sp.lambdify(x, expr, "numpy")
    dfun = sp.lambdify(x, sp.diff(expr, x), "numpy")
    starts = np.linspace(lo, hi, BASIN_STARTS)
    results = [newton_raphson(fun, s, df=dfun, ftol=FTOL, maxiter=MAX_ITERATIONS)
               for s in starts]
    roots = _distinct(sorted(float(r.x) for r in results if r.success))
    outcome: list[int | str] = [
        int(np.argmin([abs(r.x - root) for root in roots])) if r.success else r.status.value
        for r in results]
    return {"starts": [float(s) for s in starts], "outcome": outcome,
            "iterations": [r.nit for r in results], "roots": roots}


def _distinct(values: list[float]) -> list[float]:
    """Sorted roots with the copies each start's rounding made merged into one."""
    roots: list[float] = []
    for value in values:
        if not roots or abs(value - roots[-1]) > 1e-6 * (1 + abs(value)):
            roots.append(value)
    return roots


SEXTIC = "x^6/6 - 3*x^4 - 2*x^3/3 + 27*x^2/2 + 18*x - 30"
BENCH_CASES = [
    ("newton: drag the start x0", "newton",
     lambda i: {"f": SEXTIC, "x0": -5 + i * 0.15, "xmin": -6, "xmax": 6}),
    ("newton: basins of 201 starts (new function)", "newton/basins",
     lambda i: {"f": f"x^3 - {2 + i / 10}*x + 2", "xmin": -3, "xmax": 3}, {"main": False}),
]
