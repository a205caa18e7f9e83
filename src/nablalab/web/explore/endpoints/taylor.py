"""Taylor series, in one and two variables.

``/taylor`` answers a dragged expansion point with every order 0..20 at once (the
polynomials and their errors sampled over the window), so the order slider only redraws.
The derivatives f, f', ..., f^(20) are worked out once per typed function and evaluated at
each new point; where that fails (a pole, the edge of the domain, a corner) nablalab.taylor
says why. ``/taylor/details`` adds, for the chosen order, the engine's polynomial, radius of
convergence and Lagrange remainder bound; ``/taylor-2d`` the 0th-, 1st- and 2nd-order
expansions of f(x, y) about (a, b), from nablalab.calculus's gradient and Hessian
(coefficients shown to four significant figures), sampled around it.
"""

from __future__ import annotations

import math

import numpy as np
import sympy as sp
from django.http import HttpRequest
from ninja import Field, Router, Schema

from nablalab.mathinput import latex, plain_text, symbol
from nablalab.taylor import (
    ExpansionPointError,
    check_expansion_points,
    remainder_bound,
    taylor_series,
)
from nablalab.taylor.radius import radius_of_convergence
from nablalab.web.explore.endpoints._numbers import (
    UnusableInput,
    allow_engine_time_limits,
    computed,
    derivative_tower,
    second_order_numbers,
    significant,
)
from nablalab.web.explore.functions import finite, numeric, read_function, remembered

router = Router(tags=["widgets"])
HIGHEST_ORDER = 20
SAMPLES = 301
GRID_2D = 41
EXACT_ORDERS = 8  # /taylor/details typesets T_n and bounds its error up to this order
_NON_SMOOTH = (sp.Abs, sp.sign, sp.Heaviside, sp.Piecewise, sp.floor, sp.ceiling, sp.Min,
               sp.Max)


class TaylorIn(Schema):
    f: str = Field(max_length=300, description="The function of x, as typed.")
    a: float = Field(default=0, ge=-1e3, le=1e3, description="The expansion point.")
    xmin: float = Field(default=-4, ge=-1e4, le=1e4)
    xmax: float = Field(default=4, ge=-1e4, le=1e4)


class TaylorOut(Schema):
    f: str
    f_latex: str
    a: float
    x: list[float]
    y: list[float | None]
    why: str | None = Field(description="Why there is no series about a (else null).")
    coefficients: list[float | None] = Field(
        description="f^(n)(a)/n! for n = 0..N (N = 20 unless f's derivatives grow too big).")
    polynomials: list[list[float | None]] = Field(description="T_n sampled, n = 0..20.")
    errors: list[list[float | None]] = Field(description="|f - T_n| sampled, n = 0..20.")


class DetailsIn(Schema):
    f: str = Field(max_length=300)
    a: float = Field(default=0, ge=-1e3, le=1e3)
    order: int = Field(default=3, ge=0, le=HIGHEST_ORDER)
    half_width: float = Field(default=1, gt=0, le=100,
                              description="The remainder bound holds on [a - w, a + w].")


class DetailsOut(Schema):
    order: int
    polynomial_latex: str | None = Field(description="T_n exactly, for orders up to 8.")
    radius: float | None = Field(description="Radius of convergence; null if unknown, "
                                             "1e308 for an entire function.")
    radius_text: str
    bound: float | None
    bound_text: str
    bound_x: list[float]
    bound_y: list[float | None]


class Taylor2dIn(Schema):
    f: str = Field(max_length=300, description="The function of x and y, as typed.")
    a: float = Field(default=0, ge=-1e3, le=1e3)
    b: float = Field(default=0, ge=-1e3, le=1e3)
    half_width: float = Field(default=1.5, gt=0, le=100)


class Taylor2dOut(Schema):
    f_latex: str
    a: float
    b: float
    x: list[float]
    y: list[float]
    z: list[list[float | None]]
    orders: list[list[list[float | None]]] = Field(description="T_0, T_1, T_2 on the grid.")
    orders_latex: list[str]


@router.post("/taylor", response=TaylorOut, url_name="widget_taylor")
def taylor(request: HttpRequest, body: TaylorIn) -> dict:
    """Every order 0..20 about a, sampled over the window."""
    expr = read_function(body.f, ["x"]).expr
    lo, hi = sorted((body.xmin, body.xmax))
    return remembered("taylor", body,
                      lambda: computed(_all_orders, expr, body.a, lo, max(hi, lo + 1e-6)))


@router.post("/taylor/details", response=DetailsOut, url_name="widget_taylor_details")
def taylor_details(request: HttpRequest, body: DetailsIn) -> dict:
    """The chosen order's polynomial, the radius of convergence and the remainder bound."""
    expr = read_function(body.f, ["x"]).expr
    return remembered("taylor-details", body,
                      lambda: computed(_details, expr, body.a, body.order, body.half_width))


@router.post("/taylor-2d", response=Taylor2dOut, url_name="widget_taylor_2d")
def taylor_2d(request: HttpRequest, body: Taylor2dIn) -> dict:
    """f(x, y) and its 0th-, 1st- and 2nd-order Taylor polynomials around (a, b)."""
    expr = read_function(body.f, ["x", "y"]).expr
    return remembered("taylor-2d", body,
                      lambda: computed(_two_d, expr, body.a, body.b, body.half_width))


def _exact(value: float) -> sp.Rational:
    return sp.Rational(repr(value))


def _all_orders(expr: sp.Expr, a: float, lo: float, hi: float) -> dict:
    x = symbol("x")
    grid = np.linspace(lo, hi, SAMPLES)
    values = numeric(expr, [x])(grid)
    tower = derivative_tower(expr, HIGHEST_ORDER)
    derivatives = np.array([float(d(np.float64(a))) for d in tower])
    answer = {"f": plain_text(expr), "f_latex": latex(expr), "a": a, "x": finite(grid),
              "y": significant(values), "why": None, "coefficients": [], "polynomials": [],
              "errors": []}
    if not np.isfinite(derivatives).all() or expr.has(*_NON_SMOOTH):
        allow_engine_time_limits()
        (verdict,) = check_expansion_points(expr, [_exact(a)], len(tower) - 1, "x")
        if not verdict.works:
            return {**answer, "why": verdict.reason}
    orders = np.arange(len(tower))
    coefficients = derivatives / np.array([float(math.factorial(n)) for n in orders])
    polynomials = np.cumsum(coefficients[:, None] * (grid - a)[None, :] ** orders[:, None],
                            axis=0)
    with np.errstate(invalid="ignore"):
        errors = np.abs(values[None, :] - polynomials)
    return {**answer, "coefficients": significant(coefficients, 12),
            "polynomials": significant(polynomials), "errors": significant(errors, 4)}


def _details(expr: sp.Expr, a: float, order: int, half_width: float) -> dict:
    allow_engine_time_limits()
    x, point = symbol("x"), _exact(a)
    answer = {"order": order, "polynomial_latex": None, "radius": None, "radius_text": "",
              "bound": None, "bound_x": [], "bound_y": [],
              "bound_text": f"The exact polynomial and its remainder bound are worked out for "
                            f"orders up to {EXACT_ORDERS}; the plot shows T_{order} itself."}
    radius = radius_of_convergence(expr, x, point)
    answer["radius_text"] = radius.explanation
    if radius.value is not None:
        answer["radius"] = 1e308 if radius.value == sp.oo else float(radius.value)
    if order > EXACT_ORDERS:
        return answer
    try:
        series = taylor_series(expr, point, order, "x", with_convergence=False)
        answer["polynomial_latex"] = latex(series.polynomial)
        bound = remainder_bound(series, (point - _exact(half_width), point + _exact(half_width)))
    except ExpansionPointError as error:
        raise UnusableInput(str(error)) from None
    except ValueError as error:  # no finite bound on this interval (a pole inside it ...)
        answer["bound_text"] = f"No remainder bound: {error}."
        return answer
    steps = np.linspace(-half_width, half_width, 121)
    answer.update(
        bound=bound.bound, bound_x=finite(a + steps, 10),
        bound_y=significant(bound.max_derivative * np.abs(steps) ** (order + 1)
                            / math.factorial(order + 1), 4),
        bound_text=(f"On [{a - half_width:g}, {a + half_width:g}] the largest |f^({order + 1})| "
                    f"is M = {bound.max_derivative:.4g}, so |f − T_{order}| ≤ M|x − a|^"
                    f"{order + 1}/{order + 1}! ≤ {bound.bound:.3g}; the largest error seen "
                    f"there is {bound.observed_max_error:.3g}."))
    return answer


def _polynomial(terms: list[tuple[float, sp.Expr]]) -> sp.Expr:
    """c0 + c1 (x - a) + ... as written, unexpanded, coefficients to 4 significant figures."""
    kept = [sp.Mul(sp.Float(c, 4), power, evaluate=False) if power != 1 else sp.Float(c, 4)
            for c, power in terms if c != 0] or [sp.Float(0)]
    return sp.Add(*kept, evaluate=False)


def _two_d(expr: sp.Expr, a: float, b: float, half_width: float) -> dict:
    """T0, T1, T2 about (a, b) from f, ∇f and the Hessian (worked out once per function by
    nablalab.calculus): a dragged point costs six evaluations, not a symbolic expansion."""
    x, y = symbol("x"), symbol("y")
    with np.errstate(all="ignore"):
        f0, fx, fy, hxx, hxy, hyy = (float(np.asarray(g(np.float64(a), np.float64(b))))
                                      for g in second_order_numbers(expr))
    if not np.all(np.isfinite([f0, fx, fy, hxx, hxy, hyy])):
        raise UnusableInput(f"No Taylor expansion about ({a:g}, {b:g}): f or one of its "
                            "first or second derivatives is undefined there.")
    xs = np.linspace(a - half_width, a + half_width, GRID_2D)
    ys = np.linspace(b - half_width, b + half_width, GRID_2D)
    mesh_x, mesh_y = np.meshgrid(xs, ys)
    step_x, step_y = mesh_x - a, mesh_y - b
    orders = [np.full_like(mesh_x, f0)]
    orders.append(orders[0] + fx * step_x + fy * step_y)
    orders.append(orders[1] + (hxx * step_x**2 + 2 * hxy * step_x * step_y
                               + hyy * step_y**2) / 2)
    # The polynomials as shown: coefficients to four significant figures.
    dx, dy = x - sp.Float(a, 4), y - sp.Float(b, 4)
    terms = [(f0, sp.S.One), (fx, dx), (fy, dy), (hxx / 2, dx**2), (hxy, dx * dy),
             (hyy / 2, dy**2)]
    shown = [_polynomial(terms[:n]) for n in (1, 3, 6)]
    return {
        "f_latex": latex(expr), "a": a, "b": b, "x": finite(xs), "y": finite(ys),
        "z": significant(second_order_numbers(expr)[0](mesh_x, mesh_y)),
        "orders": [significant(order) for order in orders],
        "orders_latex": [latex(polynomial) for polynomial in shown],
    }


_FUNCTIONS = ("exp(x)", "sin(x)", "1/(1+x^2)", "ln(1+x^2)")
_FUNCTIONS_2D = ("exp(-(x^2+y^2))", "sin(x)*cos(y)", "x^3*y + x*y^2", "ln(1+x^2+y^2)")
BENCH_CASES = [
    # A drag follows the page's first request for the same function (the "prepare" call).
    ("taylor: drag the expansion point", "taylor",
     lambda i: {"f": _FUNCTIONS[i % 4], "a": round(-1.5 + 0.05 * i, 2)},
     {"prepare": lambda i: ("taylor", {"f": _FUNCTIONS[i % 4], "a": round(-1.55 + 0.05 * i, 2)})}),
    ("taylor: order details (filled in after the curves)", "taylor/details",
     lambda i: {"f": _FUNCTIONS[i % 2], "a": round(0.05 * (i % 20), 2), "order": i % 8},
     {"main": False}),
    ("taylor-2d: drag the expansion point", "taylor-2d",
     lambda i: {"f": _FUNCTIONS_2D[i % 4], "a": round(-1 + 0.05 * i, 2), "b": 0.5},
     {"prepare": lambda i: ("taylor-2d", {"f": _FUNCTIONS_2D[i % 4],
                                          "a": round(-1.05 + 0.05 * i, 2), "b": 0.5})}),
]
