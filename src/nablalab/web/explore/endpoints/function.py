"""A typed function and its derivative, sampled for drawing one above the other."""

from __future__ import annotations

import numpy as np
import sympy as sp
from django.http import HttpRequest
from ninja import Field, Router, Schema

from nablalab.calculus import differentiate
from nablalab.mathinput import latex, plain_text, symbol
from nablalab.web.explore.functions import finite, limited, numeric, read_function, remembered

router = Router(tags=["widgets"])
SAMPLES = 401


class CurveIn(Schema):
    f: str = Field(max_length=300, description="The function of x, as a learner types it.")
    xmin: float = Field(default=-5, ge=-1e6, le=1e6)
    xmax: float = Field(default=5, ge=-1e6, le=1e6)


class CurveOut(Schema):
    f: str = Field(description="The function as it was read.")
    f_latex: str
    derivative: str
    derivative_latex: str
    x: list[float]
    y: list[float | None]
    dy: list[float | None]


@router.post("/function-derivative", response=CurveOut, url_name="widget_function")
def function_derivative(request: HttpRequest, body: CurveIn) -> dict:
    """f and f' on a grid of the visible x range, with both formulas typeset."""
    expr = read_function(body.f, ["x"]).expr
    lo, hi = sorted((body.xmin, body.xmax))
    return remembered("function-derivative", body,
                      lambda: limited(_curves, expr, lo, max(hi, lo + 1e-6)))


def _curves(expr: sp.Expr, lo: float, hi: float) -> dict:
    x = symbol("x")
    derivative = differentiate(expr, "x").result
    grid = np.linspace(lo, hi, SAMPLES)
    return {
        "f": plain_text(expr), "f_latex": latex(expr),
        "derivative": plain_text(derivative), "derivative_latex": latex(derivative),
        "x": finite(grid), "y": finite(numeric(expr, [x])(grid)),
        "dy": finite(numeric(derivative, [x])(grid)),
    }


_FUNCTIONS = ("x^3 - 3*x", "sin(x)*exp(-x^2/4)", "x^2*ln(x^2+1)", "tanh(2*x) + x/3")
BENCH_CASES = [
    ("function-derivative: type a function", "function-derivative",
     lambda i: {"f": f"{_FUNCTIONS[i % 4]} + {i}*x^2/100", "xmin": -5, "xmax": 5}),
]
