"""A function of two variables as a surface and a contour map with its gradient field (one
call per typed function), and at a clicked point the value, gradient, Hessian, tangent plane
and the two partial-derivative slices (one call per click). The gradient and Hessian are
nablalab.calculus's, worked out once per function and evaluated at each point."""

from __future__ import annotations

import numpy as np
import sympy as sp
from django.http import HttpRequest
from ninja import Field, Router, Schema

from nablalab.mathinput import latex, plain_text, symbol
from nablalab.web.explore.endpoints._numbers import (
    UnusableInput,
    computed,
    gradient_and_hessian,
    significant,
)
from nablalab.web.explore.functions import finite, numeric, read_function, remembered

router = Router(tags=["widgets"])
GRID = 61
ARROWS = 13
SLICE_SAMPLES = 201
FLAT = 1e-9  # a gradient smaller than this counts as zero: a stationary point


class AreaIn(Schema):
    f: str = Field(max_length=300, description="The function of x and y, as typed.")
    xmin: float = Field(default=-2, ge=-1e4, le=1e4)
    xmax: float = Field(default=2, ge=-1e4, le=1e4)
    ymin: float = Field(default=-2, ge=-1e4, le=1e4)
    ymax: float = Field(default=2, ge=-1e4, le=1e4)


class PointIn(AreaIn):
    x: float = Field(ge=-1e4, le=1e4)
    y: float = Field(ge=-1e4, le=1e4)


class GridOut(Schema):
    f: str
    f_latex: str
    gradient_latex: str
    hessian_latex: str
    x: list[float]
    y: list[float]
    z: list[list[float | None]] = Field(description="z[i][j] = f(x[j], y[i]).")
    arrows_x: list[float]
    arrows_y: list[float]
    gradient_x: list[list[float | None]]
    gradient_y: list[list[float | None]]


class SliceOut(Schema):
    t: list[float]
    values: list[float | None]
    slope: float


class PointOut(Schema):
    x: float
    y: float
    value: float
    gradient: list[float]
    hessian: list[list[float]]
    eigenvalues: list[float]
    classification: str
    plane_x: list[float]
    plane_y: list[float]
    plane_z: list[list[float]]
    along_x: SliceOut = Field(description="f(x, y0) and its slope ∂f/∂x at x0.")
    along_y: SliceOut = Field(description="f(x0, y) and its slope ∂f/∂y at y0.")


def _area(body: AreaIn) -> tuple[float, float, float, float]:
    xmin, xmax = sorted((body.xmin, body.xmax))
    ymin, ymax = sorted((body.ymin, body.ymax))
    return xmin, max(xmax, xmin + 1e-6), ymin, max(ymax, ymin + 1e-6)


@router.post("/surface/grid", response=GridOut, url_name="widget_surface_grid")
def surface_grid(request: HttpRequest, body: AreaIn) -> dict:
    """f on a grid (surface and contours) and ∇f on a coarser one (arrows)."""
    expr = read_function(body.f, ["x", "y"]).expr
    return remembered("surface-grid", body, lambda: computed(_grid, expr, *_area(body)))


@router.post("/surface/point", response=PointOut, url_name="widget_surface_point")
def surface_point(request: HttpRequest, body: PointIn) -> dict:
    """Everything the widget shows about one clicked point."""
    expr = read_function(body.f, ["x", "y"]).expr
    return remembered("surface-point", body,
                      lambda: computed(_point, expr, body.x, body.y, *_area(body)))


def _grid(expr: sp.Expr, xmin: float, xmax: float, ymin: float, ymax: float) -> dict:
    x, y = symbol("x"), symbol("y")
    grad, hess = gradient_and_hessian(expr)
    xs, ys = np.linspace(xmin, xmax, GRID), np.linspace(ymin, ymax, GRID)
    z = numeric(expr, [x, y])(*np.meshgrid(xs, ys))
    if not np.isfinite(z).any():
        raise UnusableInput("f is not defined anywhere in this window: try another function "
                            "or a different range.")
    ax, ay = np.linspace(xmin, xmax, ARROWS), np.linspace(ymin, ymax, ARROWS)
    mesh = np.meshgrid(ax, ay)
    return {
        "f": plain_text(expr), "f_latex": latex(expr),
        "gradient_latex": latex(grad), "hessian_latex": latex(hess),
        "x": finite(xs), "y": finite(ys), "z": significant(z),
        "arrows_x": finite(ax), "arrows_y": finite(ay),
        "gradient_x": significant(numeric(grad[0], [x, y])(*mesh)),
        "gradient_y": significant(numeric(grad[1], [x, y])(*mesh)),
    }


def _point(expr: sp.Expr, x0: float, y0: float,
           xmin: float, xmax: float, ymin: float, ymax: float) -> dict:
    x, y = symbol("x"), symbol("y")
    grad, hess = gradient_and_hessian(expr)
    here = (np.float64(x0), np.float64(y0))
    value = float(numeric(expr, [x, y])(*here))
    gradient = [float(numeric(g, [x, y])(*here)) for g in grad]
    hessian = [[float(numeric(hess[i, j], [x, y])(*here)) for j in range(2)] for i in range(2)]
    if not np.isfinite([value, *gradient, *hessian[0], *hessian[1]]).all():
        raise UnusableInput(f"f or its derivatives are undefined at ({x0:g}, {y0:g}): click "
                            "somewhere else on the map.")
    eigenvalues = np.linalg.eigvalsh(np.array(hessian))
    # The tangent plane over a patch a quarter of the window wide, centred on the point.
    px = np.array([x0 - (xmax - xmin) / 8, x0 + (xmax - xmin) / 8])
    py = np.array([y0 - (ymax - ymin) / 8, y0 + (ymax - ymin) / 8])
    plane = value + gradient[0] * (px[None, :] - x0) + gradient[1] * (py[:, None] - y0)
    tx, ty = np.linspace(xmin, xmax, SLICE_SAMPLES), np.linspace(ymin, ymax, SLICE_SAMPLES)
    f = numeric(expr, [x, y])
    return {
        "x": x0, "y": y0, "value": value, "gradient": gradient, "hessian": hessian,
        "eigenvalues": eigenvalues.tolist(),
        "classification": _classification(gradient, eigenvalues),
        "plane_x": px.tolist(), "plane_y": py.tolist(), "plane_z": plane.tolist(),
        "along_x": {"t": finite(tx), "values": significant(f(tx, np.full_like(tx, y0))),
                    "slope": gradient[0]},
        "along_y": {"t": finite(ty), "values": significant(f(np.full_like(ty, x0), ty)),
                    "slope": gradient[1]},
    }


def _classification(gradient: list[float], eigenvalues: np.ndarray) -> str:
    """What the Hessian says about the shape here, in words."""
    low, high = float(eigenvalues[0]), float(eigenvalues[1])
    bend = ("curves up in every direction" if low > 0 else
            "curves down in every direction" if high < 0 else
            "curves up in one direction and down in another" if low < 0 < high else
            "is flat in at least one direction (a zero eigenvalue)")
    if max(abs(g) for g in gradient) > FLAT:
        return f"Not a stationary point (the gradient is not zero); here the surface {bend}."
    kind = ("a minimum" if low > 0 else "a maximum" if high < 0 else
            "a saddle point" if low < 0 < high else
            "a stationary point the Hessian cannot classify")
    return f"A stationary point: the gradient is zero and the surface {bend}, so it is {kind}."


_FUNCTIONS = ("exp(-(x^2+y^2))", "x^2 - y^2", "sin(x)*cos(y)", "x^3*y + x*y^2")
BENCH_CASES = [
    ("surface: type a function", "surface/grid",
     lambda i: {"f": f"{_FUNCTIONS[i % 4]} + {i}*x/100"}, {"main": False}),
    ("surface: click a point", "surface/point",
     lambda i: {"f": _FUNCTIONS[i % 4], "x": round(-1.8 + 0.06 * i, 2),
                "y": round(1.5 - 0.05 * i, 2)},
     {"prepare": lambda i: ("surface/grid", {"f": _FUNCTIONS[i % 4]})}),
]
