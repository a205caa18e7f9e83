"""Lagrange multipliers: the contours of f, the constraint curve g = 0 sampled as points
with ∇f and ∇g at each (the page's draggable point snaps to the nearest, so dragging along
the curve needs no more calls), and every critical point from nablalab.optimize's exact
solver, classified; when SymPy cannot solve the equations, Newton's method on DL = 0 from
starts spread along the curve finds them numerically, and the answer says so."""

from __future__ import annotations

import numpy as np
import sympy as sp
from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from nablalab.mathinput import latex, plain_text, symbol
from nablalab.optimize import lagrange_points, solve_lagrange
from nablalab.web.explore.functions import finite, limited, numeric, read_function, remembered

router = Router(tags=["widgets"])
GRID = 81
EXACT_SECONDS = 3.0
POINTS_SECONDS = 8.0
NUMERIC_STARTS = 10
PROJECTION_STEPS = 6


class ProblemIn(Schema):
    f: str = Field(max_length=300, description="The function of x and y to optimise.")
    g: str = Field(max_length=300, description="The constraint, read as g(x, y) = 0.")
    xmin: float = Field(default=-3, ge=-1e3, le=1e3)
    xmax: float = Field(default=3, ge=-1e3, le=1e3)
    ymin: float = Field(default=-3, ge=-1e3, le=1e3)
    ymax: float = Field(default=3, ge=-1e3, le=1e3)


class CurvePoint(Schema):
    x: float
    y: float
    f: float
    grad_f: list[float]
    grad_g: list[float]
    sin_angle: float = Field(description="|∇f × ∇g| / (|∇f| |∇g|): 0 where they are parallel.")


class LagrangeOut(Schema):
    f_latex: str
    g_latex: str
    x: list[float]
    y: list[float]
    f_grid: list[list[float | None]]
    g_grid: list[list[float | None]]
    curve: list[CurvePoint]


class Critical(Schema):
    x: float
    y: float
    multiplier: float | None
    f: float
    classification: str
    global_label: str | None
    exact: str = Field(description="The point as SymPy found it, or empty if found numerically.")


class PointsOut(Schema):
    points: list[Critical]
    exact: bool
    message: str


def _problem(body: ProblemIn) -> tuple[sp.Expr, sp.Expr, tuple[float, float, float, float]]:
    f = read_function(body.f, ["x", "y"], "function f").expr
    g = read_function(body.g, ["x", "y"], "constraint g").expr
    xlo, xhi = sorted((body.xmin, body.xmax))
    ylo, yhi = sorted((body.ymin, body.ymax))
    return f, g, (xlo, max(xhi, xlo + 1e-3), ylo, max(yhi, ylo + 1e-3))


@router.post("/lagrange", response=LagrangeOut, url_name="widget_lagrange")
def contours(request: HttpRequest, body: ProblemIn) -> dict:
    """f and g on a grid, and the constraint curve as points carrying both gradients."""
    f, g, box = _problem(body)
    return remembered("lagrange", body, lambda: limited(_contours, f, g, box))


def _contours(f: sp.Expr, g: sp.Expr, box: tuple[float, float, float, float]) -> dict:
    x, y = symbol("x"), symbol("y")
    fs, gs = numeric(f, [x, y]), numeric(g, [x, y])
    grad_f = [numeric(sp.diff(f, v), [x, y]) for v in (x, y)]
    grad_g = [numeric(sp.diff(g, v), [x, y]) for v in (x, y)]
    xs, ys = np.linspace(box[0], box[1], GRID), np.linspace(box[2], box[3], GRID)
    gx, gy = np.meshgrid(xs, ys)
    g_grid = gs(gx, gy)
    px, py = _on_curve(g_grid, xs, ys, gs, grad_g)
    f_at = fs(px, py)
    df = np.stack([grad_f[0](px, py), grad_f[1](px, py)], axis=1)
    dg = np.stack([grad_g[0](px, py), grad_g[1](px, py)], axis=1)
    with np.errstate(all="ignore"):
        sin_angle = np.abs(df[:, 0] * dg[:, 1] - df[:, 1] * dg[:, 0]) / (
            np.linalg.norm(df, axis=1) * np.linalg.norm(dg, axis=1))
    keep = np.isfinite(f_at) & np.all(np.isfinite(df), axis=1) & np.all(np.isfinite(dg), axis=1)
    sin_angle = np.where(np.isfinite(sin_angle), sin_angle, 0.0)
    return {
        "f_latex": latex(f), "g_latex": latex(g), "x": finite(xs), "y": finite(ys),
        "f_grid": finite(fs(gx, gy), 6), "g_grid": finite(g_grid, 6),
        "curve": [{"x": float(a), "y": float(b), "f": float(v), "grad_f": [float(p), float(q)],
                   "grad_g": [float(r), float(s)], "sin_angle": float(t)}
                  for a, b, v, (p, q), (r, s), t in zip(
                      px[keep], py[keep], f_at[keep], df[keep], dg[keep], sin_angle[keep],
                      strict=True)],
    }


def _on_curve(g_grid, xs, ys, gs, grad_g) -> tuple[np.ndarray, np.ndarray]:
    """Points of g = 0: where g changes sign along a grid edge (linear interpolation), then
    pulled onto the curve by Newton steps along ∇g."""
    found_x, found_y = [], []
    for axis in (0, 1):
        a = g_grid[:-1, :] if axis == 0 else g_grid[:, :-1]
        b = g_grid[1:, :] if axis == 0 else g_grid[:, 1:]
        with np.errstate(all="ignore"):
            crossing = np.isfinite(a) & np.isfinite(b) & (np.sign(a) != np.sign(b))
            t = np.where(crossing, a / (a - b), 0)
        rows, cols = np.nonzero(crossing)
        t = t[rows, cols]
        if axis == 0:
            found_x.append(xs[cols])
            found_y.append(ys[rows] + t * (ys[1] - ys[0]))
        else:
            found_x.append(xs[cols] + t * (xs[1] - xs[0]))
            found_y.append(ys[rows])
    px, py = np.concatenate(found_x), np.concatenate(found_y)
    with np.errstate(all="ignore"):
        for _ in range(PROJECTION_STEPS):
            value, gx, gy = gs(px, py), grad_g[0](px, py), grad_g[1](px, py)
            size = gx**2 + gy**2
            px, py = px - value * gx / size, py - value * gy / size
        good = np.isfinite(px) & np.isfinite(py) & (np.abs(gs(px, py)) < 1e-9)
    px, py = px[good], py[good]
    order = np.argsort(np.arctan2(py - py.mean(), px - px.mean())) if px.size else []
    return px[order], py[order]  # round the curve, so a slider can walk along it


@router.post("/lagrange/points", response=PointsOut, url_name="widget_lagrange_points")
def critical_points(request: HttpRequest, body: ProblemIn) -> dict:
    """Every critical point of f on g = 0, classified (bordered Hessian)."""
    f, g, box = _problem(body)
    return remembered("lagrange-points", body, lambda: _critical(f, g, box))


def _critical(f: sp.Expr, g: sp.Expr, box: tuple[float, float, float, float]) -> dict:
    """The exact solver first (it limits its own time in a child process, so it runs here
    rather than in a widget worker, which may not start children); then numerically."""
    try:
        solution = lagrange_points(f, [g], ["x", "y"], timeout=EXACT_SECONDS)
    except ValueError as error:
        raise HttpError(422, f"These cannot be solved with a multiplier: {error}.") from None
    if not solution.complete:
        return limited(_numeric_points, f, g, box, seconds=POINTS_SECONDS)
    points = [{"x": float(p.point[0]), "y": float(p.point[1]),
               "multiplier": float(p.multipliers[0]) if p.multipliers else None,
               "f": float(p.value), "classification": p.classification,
               "global_label": p.global_label,
               "exact": f"({plain_text(p.point[0])}, {plain_text(p.point[1])})"}
              for p in solution.points]
    return {"points": points, "exact": True, "message": solution.message}


def _numeric_points(f: sp.Expr, g: sp.Expr, box: tuple[float, float, float, float]) -> dict:
    """Newton's method on DL = 0 from starts spread along the curve (λ from ∇f·∇g/|∇g|²)."""
    curve = _contours(f, g, box)["curve"]
    if not curve:
        return {"points": [], "exact": False,
                "message": "The constraint curve g = 0 does not cross the plotted region."}
    picks = curve[:: max(1, len(curve) // NUMERIC_STARTS)]
    found: list[dict] = []
    for p in picks:
        dg = np.array(p["grad_g"])
        start = [p["x"], p["y"], float(np.dot(p["grad_f"], dg) / np.dot(dg, dg))]
        result = solve_lagrange(f, [g], start, ["x", "y"])
        x, y = (float(v) for v in result.x)
        if not result.success or any(np.hypot(x - q["x"], y - q["y"]) < 1e-6 for q in found):
            continue
        found.append({"x": x, "y": y, "multiplier": float(result.multipliers[0]),
                      "f": float(result.fun), "classification": result.classification,
                      "global_label": None, "exact": ""})
    found.sort(key=lambda q: q["f"])
    count = len(found)
    return {"points": found, "exact": False, "message": (
        f"SymPy could not solve these equations exactly, so Newton's method on DL = 0 from "
        f"{len(picks)} starts along the curve found {count} critical point"
        f"{'s' if count != 1 else ''} in the plotted region.")}


COURSE_F = "exp(-(2*x^2 + y^2 - x*y)/2)"
COURSE_G = "x^2 + 3*(y + 1)^2 - 1"
BENCH_CASES = [
    ("lagrange: type a function (contours, curve, gradients)", "lagrange",
     lambda i: {"f": f"{COURSE_F} + {i}*x/1000", "g": COURSE_G},
     {"main": False}),  # dragging along the constraint needs no call: the curve comes whole
]
