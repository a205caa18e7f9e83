"""Regression explorations: a live straight-line fit, a typed non-linear model fitted by
Levenberg–Marquardt with every iteration kept, and the heights assignment's Gaussian fitted
by steepest descent on its χ² surface. All fitting is nablalab.regression's."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

import numpy as np
import sympy as sp
from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from nablalab.assignments.heights.grading import heights_histogram
from nablalab.mathinput import latex, plain_text, symbol
from nablalab.regression import ModelError, fit, linfit
from nablalab.web.explore.functions import finite, limited, numeric, read_function, remembered
from nablalab.web.explore.tables import read_table

router = Router(tags=["widgets"])
DATA = Path(__file__).resolve().parents[1] / "data"
MAX_POINTS = 1000
MAX_CSV = 20_000
CURVE_SAMPLES = 200
MAX_PARAMETERS = 6
MAX_MAGNITUDE = 1e12  # beyond this, squares overflow long before a fit means anything
GAUSSIAN = "exp(-(x - mu)^2/(2*sig^2))/(sqrt(2*pi)*sig)"


class PointsIn(Schema):
    points: list[tuple[float, float]] | None = Field(
        default=None, max_length=MAX_POINTS, description="(x, y) pairs, e.g. dragged points.")
    csv: str | None = Field(default=None, max_length=MAX_CSV,
                            description="Pasted data: x,y or x,y,sigma per line.")


class LinearOut(Schema):
    x: list[float]
    y: list[float]
    sigma: list[float] | None
    m: float
    c: float
    m_error: float | None
    c_error: float | None
    chi2: float
    reduced_chi2: float | None
    residuals: list[float]
    line_x: list[float]
    line_y: list[float]


@router.post("/linear-fit", response=LinearOut, url_name="widget_linear_fit")
def linear_fit(request: HttpRequest, body: PointsIn) -> dict:
    """The least-squares line through the points, with χ² and the parameters' errors."""
    x, y, sigma = _points(body)
    if x.size < 2:
        raise HttpError(422, "A straight line needs at least two points.")
    if np.ptp(x) == 0:
        raise HttpError(422, "All the points have the same x: no line through them has a "
                             "defined slope. Move one sideways.")
    result = linfit(x, y, sigma)
    if not result.success:
        raise HttpError(422, f"No line could be fitted: {result.message}")
    errors = result.stderr
    span = np.array([x.min(), x.max()])
    return {
        "x": x.tolist(), "y": y.tolist(), "sigma": None if sigma is None else sigma.tolist(),
        "m": result.params["m"], "c": result.params["c"],
        "m_error": _finite_or_none(errors["m"]), "c_error": _finite_or_none(errors["c"]),
        "chi2": result.chi2, "reduced_chi2": _finite_or_none(result.reduced_chi2),
        "residuals": result.residuals.tolist(),
        "line_x": span.tolist(),
        "line_y": (result.params["m"] * span + result.params["c"]).tolist(),
    }


PRESETS = {
    "misra1a": ("b1*(1 - exp(-b2*x))", {"b1": 500.0, "b2": 1e-4}),
    "danwood": ("b1*x^b2", {"b1": 1.0, "b2": 5.0}),
}


class NonlinearIn(PointsIn):
    model: str | None = Field(default=None, max_length=300,
                              description="The model in x, e.g. a*exp(-b*x) + c; a data "
                                          "set's reference model when absent.")
    dataset: Literal["misra1a", "danwood"] | None = Field(
        default=None, description="A NIST reference data set instead of points or CSV.")
    start: dict[str, float] | None = Field(
        default=None, description="Starting values by parameter (1 for any not given).")


class IterationOut(Schema):
    params: dict[str, float]
    chi2: float
    curve: list[float | None]


class NonlinearOut(Schema):
    model: str
    model_latex: str
    parameters: list[str]
    x: list[float]
    y: list[float]
    curve_x: list[float]
    iterations: list[IterationOut]
    params: dict[str, float]
    errors: dict[str, float | None]
    chi2: float
    residuals: list[float | None]
    status: str
    message: str


@router.post("/nonlinear-fit", response=NonlinearOut, url_name="widget_nonlinear_fit")
def nonlinear_fit(request: HttpRequest, body: NonlinearIn) -> dict:
    """Levenberg–Marquardt from the starting values, with the model drawn at every iteration."""
    preset_model, preset_start = PRESETS.get(body.dataset or "", (None, {}))
    if body.model is None and preset_model is None:
        raise HttpError(422, "Type a model, such as a*exp(-b*x) + c.")
    expr = read_function(body.model or preset_model, None, what="model").expr
    parameters = sorted(s.name for s in expr.free_symbols if s.name != "x")
    if not parameters:
        raise HttpError(422, "The model has no parameters to fit: use letters other than x "
                             "for them, as in a*exp(-b*x) + c.")
    if len(parameters) > MAX_PARAMETERS:
        raise HttpError(422, f"At most {MAX_PARAMETERS} parameters, please; the model has "
                             f"{len(parameters)} ({', '.join(parameters)}).")
    if body.dataset is not None:
        x, y, sigma = _dataset(body.dataset)
    else:
        x, y, sigma = _points(body)
    if x.size < len(parameters):
        raise HttpError(422, f"{len(parameters)} parameters need at least as many points; "
                             f"there are {x.size}.")
    given = {**preset_start, **(body.start or {})} if body.model is None else (body.start or {})
    start = {name: float(given.get(name, 1.0)) for name in parameters}
    try:
        fitted = remembered("nonlinear-fit", body,
                            lambda: limited(_fit_with_history, expr, x, y, sigma, start))
    except (ModelError, ValueError) as error:
        raise HttpError(422, str(error)) from None
    return {**fitted, "model": plain_text(expr), "model_latex": latex(expr),
            "parameters": parameters, "x": x.tolist(), "y": y.tolist()}


def _fit_with_history(expr: sp.Expr, x: np.ndarray, y: np.ndarray, sigma: np.ndarray | None,
                      start: dict[str, float]) -> dict:
    result = fit(expr, x, y, start, sigma=sigma, max_iter=200)
    curve_x = np.linspace(x.min(), x.max(), CURVE_SAMPLES)
    names = list(start)
    evaluate = numeric(expr, [symbol("x"), *(symbol(n) for n in names)])

    def curve(params: dict[str, float]) -> list[float | None]:
        return finite(evaluate(curve_x, *(np.full_like(curve_x, params[n]) for n in names)))

    iterations = [{"params": entry["params"], "chi2": float(entry["fun"]),
                   "curve": curve(entry["params"])} for entry in result.history]
    return {
        "curve_x": finite(curve_x), "iterations": iterations,
        "params": result.params,
        "errors": {name: _finite_or_none(value) for name, value in result.stderr.items()},
        "chi2": float(result.chi2), "residuals": finite(result.residuals),
        "status": str(result.status), "message": result.message,
    }


class HeightsIn(Schema):
    aggression: float = Field(default=2000, gt=0, le=1e5)
    steps: int = Field(default=50, ge=1, le=500)
    mu: float = Field(default=155, ge=100, le=250, description="Starting mean (cm).")
    sig: float = Field(default=6, ge=1, le=40, description="Starting standard deviation (cm).")


class HeightsOut(Schema):
    x: list[float]
    y: list[float]
    path: list[tuple[float, float, float]]
    curves: list[list[float | None]]
    grid_mu: list[float]
    grid_sig: list[float]
    grid_chi2: list[list[float | None]]
    message: str


@router.post("/heights-fit", response=HeightsOut, url_name="widget_heights_fit")
def heights_fit(request: HttpRequest, body: HeightsIn) -> dict:
    """The assignment's descent: the path of (μ, σ, χ²), the fitted curve at every step, and
    χ² over a grid of (μ, σ) for the contour map behind the path."""
    return remembered("heights-fit", body, lambda: limited(
        _heights, body.aggression, body.steps, body.mu, body.sig))


def _heights(aggression: float, steps: int, mu: float, sig: float) -> dict:
    x, y = heights_histogram()
    result = fit(GAUSSIAN, x, y, {"mu": mu, "sig": sig}, method="gd", rate=aggression,
                 max_iter=steps, refine_digits=False)
    path = [(e["params"]["mu"], e["params"]["sig"], float(e["fun"])) for e in result.history]
    grid_mu, grid_sig = _heights_grid(path)
    mus, sigs = np.meshgrid(grid_mu, grid_sig)
    return {
        "x": x.tolist(), "y": y.tolist(), "path": path,
        "curves": [finite(_gaussian(x, m, s)) for m, s, _ in path],
        "grid_mu": finite(grid_mu), "grid_sig": finite(grid_sig),
        "grid_chi2": finite(np.sum((y[None, None, :] - _gaussian(
            x[None, None, :], mus[..., None], sigs[..., None])) ** 2, axis=-1)),
        "message": result.message,
    }


def _heights_grid(path: list[tuple[float, float, float]]) -> tuple[np.ndarray, np.ndarray]:
    mus = [p[0] for p in path] + [178.0]
    sigs = [p[1] for p in path] + [5.5]
    return (np.linspace(min(mus) - 5, max(mus) + 5, 61),
            np.linspace(max(1.0, min(sigs) - 2), max(sigs) + 2, 41))


def _gaussian(x: np.ndarray, mu: np.ndarray | float, sig: np.ndarray | float) -> np.ndarray:
    return np.exp(-((x - mu) ** 2) / (2 * sig**2)) / (np.sqrt(2 * np.pi) * sig)


def _points(body: PointsIn) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    if body.csv:
        columns = read_table(body.csv, max_rows=MAX_POINTS)
    elif body.points:
        columns = [np.array([p[0] for p in body.points]), np.array([p[1] for p in body.points])]
    else:
        raise HttpError(422, "Give some points: drag them onto the plot or paste x,y lines.")
    x, y = columns[0], columns[1]
    sigma = columns[2] if len(columns) > 2 else None
    if not all(np.all(np.abs(column) <= MAX_MAGNITUDE) for column in (x, y)):
        raise HttpError(422, f"Every x and y must be a number between -{MAX_MAGNITUDE:g} and "
                             f"{MAX_MAGNITUDE:g}.")
    return x, y, sigma


@cache
def _dataset(name: str) -> tuple[np.ndarray, np.ndarray, None]:
    columns = read_table((DATA / f"{name}.csv").read_text(), max_rows=MAX_POINTS)
    return columns[0], columns[1], None


def _finite_or_none(value: float) -> float | None:
    return float(value) if np.isfinite(value) else None


_DRAG = [(1.0, 2.1), (2.0, 3.9), (3.0, 6.2), (4.0, 7.8), (5.0, 10.1)]
BENCH_CASES = [
    ("linear-fit: drag a point", "linear-fit",
     lambda i: {"points": [*_DRAG[:4], (5.0, 10.1 + (i % 20) / 10)]}),
    ("nonlinear-fit: fit Misra1a from new starts", "nonlinear-fit",
     lambda i: {"model": "b1*(1 - exp(-b2*x))", "dataset": "misra1a",
                "start": {"b1": 400.0 + i, "b2": 1e-4}}),
    ("heights-fit: change the aggression", "heights-fit",
     lambda i: {"aggression": 1500 + 10 * i}),
]
