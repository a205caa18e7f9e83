"""Helpers shared by the rise-over-run, surface and Taylor endpoints: numbers that span
many orders of magnitude (errors from 1 down to 1e-16) kept to significant figures, and
symbolic work that depends only on the typed function remembered per worker process, so a
dragged slider pays for it once."""

from __future__ import annotations

import functools
import multiprocessing
from collections.abc import Callable
from typing import Any

import numpy as np
import sympy as sp
from ninja.errors import HttpError

from nablalab.calculus import differentiate, gradient, hessian
from nablalab.mathinput import symbol
from nablalab.web.explore.functions import limited, numeric

MEMO_SIZE = 64
LARGEST_DERIVATIVE = 40_000  # characters of srepr: past this, lambdify gets slow or fails


class UnusableInput(ValueError):
    """Input that parses but cannot be used here (a point outside f's domain ...); its
    message tells the learner what to change."""


def allow_engine_time_limits() -> None:
    """Let this widget worker start the short-lived, time-limited children that the engines'
    symbolic steps run in (radius of convergence, remainder bound, one-sided limits).

    The worker is a daemon process, and multiprocessing refuses children to daemons; but its
    children are killed by their own time limits, callers keep the sum of those limits below
    the worker's, and a worker killed at its own limit takes its process group, children
    included, with it (nablalab.assess.worker): none outlives the request."""
    multiprocessing.current_process().daemon = False


def computed(fn: Any, *args: Any) -> Any:
    """``limited(fn, *args)``, with ``UnusableInput`` raised in the worker turned into a 422
    that carries its message."""
    try:
        return limited(fn, *args)
    except UnusableInput as error:
        raise HttpError(422, str(error)) from None


def significant(values: Any, digits: int = 7) -> list[Any]:
    """A JSON-safe list keeping ``digits`` significant figures (``finite`` keeps decimal
    places, which would turn an error of 1e-12 into 0); NaN and ±inf become null."""
    array = np.asarray(values, dtype=float)
    cleaned = np.array([float(f"{v:.{digits}g}") for v in array.ravel()], dtype=object)
    cleaned[~np.isfinite(array.ravel())] = None
    return cleaned.reshape(array.shape).tolist()


@functools.lru_cache(maxsize=MEMO_SIZE)
def derivative_of(expr: sp.Expr) -> sp.Expr:
    """f'(x) from the step-by-step engine (the same derivative a lesson explains)."""
    return differentiate(expr, "x").result


@functools.lru_cache(maxsize=MEMO_SIZE)
def derivative_tower(expr: sp.Expr, highest: int) -> tuple[Callable[..., np.ndarray], ...]:
    """NumPy versions of f, f', ..., f^(k) of x, k <= ``highest``: the tower stops early when
    a derivative grows too large to evaluate quickly (tan's 20th derivative has thousands
    of terms), so the caller learns how many orders it can offer."""
    x = symbol("x")
    tower, current = [], expr
    for order in range(highest + 1):
        if order:
            current = sp.diff(current, x)
        if len(sp.srepr(current)) > LARGEST_DERIVATIVE:
            break
        # Derivatives of |x| or sign(x) hold DiracDelta, which is zero away from the kink;
        # at the kink itself the caller asks nablalab.taylor why there is no series.
        tower.append(numeric(current.replace(sp.DiracDelta, lambda *args: sp.S.Zero), [x]))
    return tuple(tower)


@functools.lru_cache(maxsize=MEMO_SIZE)
def gradient_and_hessian(expr: sp.Expr) -> tuple[sp.Matrix, sp.Matrix]:
    """∇f and the Hessian of f(x, y) as formulas, from nablalab.calculus."""
    return (gradient(expr, ["x", "y"]).result, hessian(expr, ["x", "y"]).result)


@functools.lru_cache(maxsize=MEMO_SIZE)
def second_order_numbers(expr: sp.Expr) -> tuple[Callable[..., np.ndarray], ...]:
    """NumPy versions of f, f_x, f_y, f_xx, f_xy, f_yy of (x, y), built once per function, so
    a dragged point costs six evaluations."""
    x, y = symbol("x"), symbol("y")
    first, second = gradient_and_hessian(expr)
    return tuple(numeric(e, [x, y]) for e in (expr, first[0], first[1], second[0, 0],
                                              second[0, 1], second[1, 1]))
