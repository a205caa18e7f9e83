"""Newton–Raphson for roots, in one variable and in several, with honest stopping reasons.

Newton's method is fast near a simple root and misbehaves elsewhere, and the course asks
learners to see exactly how: a nearly flat tangent throws x far away, some starts cycle
forever, some run off to infinity or out of the domain. Each of those is a Status, and a
big jump on the way to a root is kept as an event so a converged run still tells its story.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Any

import numpy as np
import sympy as sp

from nablalab.mathinput.coerce import ExprLike, as_expression
from nablalab.numeric.result import Result, Status
from nablalab.optimize.problem import MatrixFunction, VectorFunction, vector_field

FTOL = 1e-12
XTOL = 1e-13
DIVERGENCE_BOUND = 1e12
JUMP_RATIO = 1.0  # a step longer than 1 + |x| counts as a jump worth reporting
MAX_PERIOD = 8


class _NoStep(Exception):
    """The linear model has no solution: zero derivative or singular Jacobian."""


def newton_raphson(
    f: ExprLike | Callable[[float], float], x0: float,
    df: Callable[[float], float] | None = None, *, variable: sp.Symbol | str | None = None,
    ftol: float = FTOL, xtol: float = XTOL, maxiter: int = 50,
) -> Result:
    """Solve f(x) = 0 from x0 by x <- x - f(x)/f'(x).

    ``f`` is a callable (then ``df`` is required) or an expression (f' by differentiation).
    History rows: iteration, x, fun (= f(x)), df, step, x_next.
    """
    if isinstance(f, str | sp.Basic):
        expr, xs = as_expression(f, None if variable is None else [variable])
        if len(xs) != 1:
            raise ValueError("newton_raphson is for one variable; use newton_system for several")
        fun = sp.lambdify(xs[0], expr, "numpy")
        df = sp.lambdify(xs[0], sp.diff(expr, xs[0]), "numpy")
    elif df is None:
        raise ValueError("Newton–Raphson needs f'(x): pass df=... or give f as an expression")
    else:
        fun = f
    result = _iterate(
        lambda x: np.array([fun(x[0])], dtype=float),
        lambda x: np.array([[df(x[0])]], dtype=float),
        np.array([float(x0)]), ftol, xtol, maxiter, "f'(x) = 0",
    )
    for row in result.history:
        row.update(x=row["x"][0], fun=row["fun"][0], df=row.pop("jac")[0][0],
                   step=row["step"][0], x_next=row["x_next"][0])
    result.x, result.fun = float(result.x[0]), float(result.fun[0])
    return result


def newton_system(
    F: Sequence[ExprLike] | VectorFunction, x0: Sequence[float],
    jac: MatrixFunction | None = None, *, variables: Sequence[sp.Symbol | str] | None = None,
    ftol: float = FTOL, xtol: float = XTOL, maxiter: int = 50,
) -> Result:
    """Solve F(x) = 0 by x <- x - J(x)^-1 F(x). History rows add residual and step norms."""
    fun, jacobian = vector_field(F, jac, variables)
    return _iterate(
        fun, jacobian, np.asarray(x0, dtype=float).reshape(-1), ftol, xtol, maxiter,
        "the Jacobian is singular",
    )


def _iterate(
    fun: VectorFunction, jac: MatrixFunction, x: np.ndarray, ftol: float, xtol: float,
    maxiter: int, no_step: str,
) -> Result:
    history: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    orbit = [x]

    def finish(status: Status, message: str, at: np.ndarray, value: np.ndarray) -> Result:
        residuals = [row["residual_norm"] for row in history] + [float(np.linalg.norm(value))]
        uphill = sum(later > earlier for earlier, later in pairwise(residuals))
        if uphill:
            message += f" |f| went up instead of down on {uphill} of the {len(history)} steps."
        if events and status is Status.CONVERGED:
            message += " On the way: " + " ".join(e["message"] for e in events)
        return Result(at, value, status, message, len(history), history, {"events": events})

    for k in range(maxiter + 1):
        value, jacobian = _evaluate(fun, jac, x)
        if value is None:
            return finish(
                Status.LEFT_DOMAIN,
                f"f or its derivative is undefined at x = {_show(x)} (NaN or infinite): "
                "the iteration left the domain of f.", x, np.full_like(x, np.nan),
            )
        if np.linalg.norm(value) <= ftol:
            return finish(Status.CONVERGED, f"Converged to the root x = {_show(x)} after {k} "
                          "iterations.", x, value)
        if k == maxiter:
            break
        try:
            step = _newton_step(value, jacobian)
        except _NoStep:
            return finish(
                Status.ZERO_DERIVATIVE if len(x) == 1 else Status.SINGULAR,
                f"Stopped at x = {_show(x)}: {no_step} there, so the tangent never meets "
                "zero and Newton's step is undefined. Try another starting point.", x, value,
            )
        x_next = x + step
        history.append({
            "iteration": k, "x": x, "fun": value, "jac": jacobian, "step": step,
            "x_next": x_next, "residual_norm": float(np.linalg.norm(value)),
            "step_norm": float(np.linalg.norm(step)),
        })
        if np.linalg.norm(step) > JUMP_RATIO * (1 + np.linalg.norm(x)):
            slope = "derivative" if len(x) == 1 else "Jacobian"
            events.append({
                "iteration": k, "kind": "near_zero_derivative",
                "message": f"at x = {_show(x)} the {slope} is nearly zero "
                f"({_show(jacobian.reshape(-1)) if len(x) == 1 else 'nearly singular'}), "
                f"so the step threw x to {_show(x_next)}.",
            })
        if np.linalg.norm(step) <= xtol * (1 + np.linalg.norm(x)):
            return finish(
                Status.STALLED,
                f"Stalled at x = {_show(x_next)}: the steps have become negligible but f is "
                f"still {_show(value)} there, so this is not a root.", x_next, value,
            )
        if np.linalg.norm(x_next) > DIVERGENCE_BOUND:
            return finish(
                Status.DIVERGED,
                f"Diverged: after {k + 1} iterations x = {_show(x_next)} is running off to "
                "infinity instead of approaching a root.", x_next, value,
            )
        period = _repeats(orbit, x_next)
        if period:
            return finish(
                Status.CYCLE,
                f"Caught in a cycle of period {period}: the iterates repeat "
                f"{', '.join(_show(p) for p in orbit[-period:])}, ... forever and never reach "
                "a root. Try another starting point.", x_next, value,
            )
        orbit.append(x_next)
        x = x_next
    return finish(
        Status.MAX_ITERATIONS,
        f"No root after {maxiter} iterations: x = {_show(x)} with f = {_show(value)}. "
        "Newton's method is wandering here; try another starting point.", x, value,
    )


def _evaluate(
    fun: VectorFunction, jac: MatrixFunction, x: np.ndarray
) -> tuple[np.ndarray, np.ndarray] | tuple[None, None]:
    with np.errstate(all="ignore"):
        try:
            value, jacobian = fun(x), jac(x)
        except (ValueError, ZeroDivisionError, OverflowError, TypeError):
            return None, None
    if not (np.all(np.isfinite(value)) and np.all(np.isfinite(jacobian))):
        return None, None
    return value, jacobian


def _newton_step(value: np.ndarray, jacobian: np.ndarray) -> np.ndarray:
    if not np.any(jacobian) or np.linalg.cond(jacobian) > 1e15:
        raise _NoStep
    step = -np.linalg.solve(jacobian, value)
    if not np.all(np.isfinite(step)):
        raise _NoStep
    return step


def _repeats(orbit: list[np.ndarray], x_next: np.ndarray) -> int:
    """The period p >= 2 if x_next returns (to rounding) to the point p steps back."""
    scale = 1e-9 * (1 + np.linalg.norm(x_next))
    if np.linalg.norm(x_next - orbit[-1]) <= 1e3 * scale:
        return 0  # barely moving: converging, not cycling
    for period in range(2, min(MAX_PERIOD, len(orbit)) + 1):
        if np.linalg.norm(x_next - orbit[-period]) <= scale:
            return period
    return 0


def _show(values: np.ndarray) -> str:
    values = np.asarray(values, dtype=float).reshape(-1)
    text = [f"{v:.10g}" for v in values]
    return text[0] if len(text) == 1 else f"({', '.join(text)})"
