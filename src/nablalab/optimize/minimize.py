"""Minimisation by walking downhill: one loop, many ways to choose the step.

``minimize`` runs a named method to convergence; ``walk`` runs any strategy (a learner's
``next_step(f, J, H)`` included) for a given number of steps, as the sandpit does. Both
record every step, so the path can be drawn on a contour plot.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import sympy as sp

from nablalab.mathinput.coerce import ExprLike
from nablalab.numeric.result import Result, Status
from nablalab.optimize.problem import (
    MatrixFunction,
    Objective,
    ScalarFunction,
    VectorFunction,
    objective,
)
from nablalab.optimize.strategies import (
    GAMMA,
    MAX_NEWTON_LENGTH,
    Adam,
    Momentum,
    Strategy,
    hybrid_choice,
    newton_step,
    steepest_descent,
)

GTOL = 1e-8
DIVERGENCE_BOUND = 1e12
ARMIJO_C = 1e-4
SHRINK = 0.5

# step rule: (x, f, J, H) -> (step, notes for the history row)
StepRule = Callable[[np.ndarray, float, np.ndarray, np.ndarray | None],
                    tuple[np.ndarray, dict[str, Any]]]
METHODS = ("steepest", "backtracking", "momentum", "adam", "newton", "hybrid")


def minimize(
    f: ExprLike | ScalarFunction, x0: Sequence[float], method: str = "hybrid",
    jac: VectorFunction | None = None, hess: MatrixFunction | None = None, *,
    variables: Sequence[sp.Symbol | str] | None = None, gtol: float = GTOL,
    maxiter: int = 1000, gamma: float = GAMMA, max_newton_length: float = MAX_NEWTON_LENGTH,
    beta: float = 0.9, rate: float = 0.05, initial_step: float = 1.0,
) -> Result:
    """Minimise f from x0, stopping when |J| <= gtol.

    Methods: "steepest" (-γJ, fixed γ), "backtracking" (Armijo line search from
    ``initial_step``), "momentum" (γ, β), "adam" (``rate``), "newton" (-H⁻¹J) and
    "hybrid" (the course's Newton-or-steepest rule). f is a callable (pass jac, and hess
    for Newton/hybrid) or an expression, differentiated exactly.
    """
    problem = objective(f, jac, hess, variables)
    needs_hessian = method in ("newton", "hybrid")
    problem.require("jac", *(["hess"] if needs_hessian else []))
    rules: dict[str, Callable[[], StepRule]] = {
        "steepest": lambda: _from_strategy(steepest_descent(gamma)),
        "momentum": lambda: _from_strategy(Momentum(gamma, beta)),
        "adam": lambda: _from_strategy(Adam(rate)),
        "newton": lambda: _from_strategy(newton_step),
        "hybrid": lambda: _hybrid_rule(gamma, max_newton_length),
        "backtracking": lambda: _backtracking_rule(problem.fun, initial_step),
    }
    if method not in rules:
        raise ValueError(f"unknown method {method!r}: choose one of {', '.join(METHODS)}")
    return _descend(problem, np.asarray(x0, dtype=float), rules[method](), maxiter, gtol,
                    needs_hessian, stop_at_minimum=True)


def walk(
    strategy: Strategy, f: ExprLike | ScalarFunction | Objective, x0: Sequence[float],
    steps: int = 5, jac: VectorFunction | None = None, hess: MatrixFunction | None = None,
    *, variables: Sequence[sp.Symbol | str] | None = None,
) -> Result:
    """Take exactly ``steps`` steps chosen by ``strategy(f, J, H)`` (the sandpit's walker).

    Status is MAX_ITERATIONS after all steps (the walker just stops), CONVERGED if it
    lands where the gradient vanishes, or INVALID_INPUT if the strategy returns something
    that is not a finite step of the right size.
    """
    problem = f if isinstance(f, Objective) else objective(f, jac, hess, variables)
    problem.require("jac")
    return _descend(problem, np.asarray(x0, dtype=float), _from_strategy(strategy), steps,
                    0.0, problem.hess is not None, stop_at_minimum=False)


class _BadStep(ValueError):
    """A strategy returned something that is not a vector of numbers."""


def _from_strategy(strategy: Strategy) -> StepRule:
    def rule(x: np.ndarray, f: float, J: np.ndarray, H: np.ndarray | None):
        raw = strategy(f, J, H)
        try:
            return np.asarray(raw, dtype=float), {}
        except (TypeError, ValueError) as exc:
            raise _BadStep(repr(raw)) from exc
    return rule


def _hybrid_rule(gamma: float, max_length: float) -> StepRule:
    def rule(x: np.ndarray, f: float, J: np.ndarray, H: np.ndarray | None):
        step, used = hybrid_choice(J, H, gamma, max_length)
        return step, {"rule": used}
    return rule


def _backtracking_rule(fun: ScalarFunction, initial_step: float) -> StepRule:
    """Armijo: halve t until f(x - tJ) <= f(x) - c t |J|² (sufficient decrease)."""
    def rule(x: np.ndarray, f: float, J: np.ndarray, H: np.ndarray | None):
        t, slope = initial_step, float(J @ J)
        while t > 1e-16:
            with np.errstate(all="ignore"):
                trial = fun(x - t * J)
            if np.isfinite(trial) and trial <= f - ARMIJO_C * t * slope:
                return -t * J, {"t": t}
            t *= SHRINK
        return np.zeros_like(x), {"t": 0.0}
    return rule


def _descend(
    problem: Objective, x: np.ndarray, rule: StepRule, maxiter: int, gtol: float,
    use_hessian: bool, *, stop_at_minimum: bool,
) -> Result:
    history: list[dict[str, Any]] = []

    def finish(status: Status, message: str, value: float) -> Result:
        return Result(x, value, status, message, len(history), history)

    for k in range(maxiter + 1):
        with np.errstate(all="ignore"):
            value, J = problem.fun(x), problem.jac(x)
            H = problem.hess(x) if use_hessian else None
        if not (np.isfinite(value) and np.all(np.isfinite(J))):
            return finish(Status.LEFT_DOMAIN, f"f or its gradient is undefined at "
                          f"x = {_show(x)}: the walk left the domain of f.", value)
        if np.linalg.norm(J) <= gtol and (stop_at_minimum or k == maxiter):
            return finish(Status.CONVERGED, f"Converged after {k} steps: the gradient "
                          f"vanishes at x = {_show(x)}, where f = {value:.10g}.", value)
        if k == maxiter:
            break
        try:
            step, notes = rule(x, value, J, H)
            if step.shape != x.shape or not np.all(np.isfinite(step)):
                raise _BadStep(repr(step))
        except np.linalg.LinAlgError:
            return finish(Status.SINGULAR, f"The Hessian is singular at x = {_show(x)}: "
                          "Newton's step -H⁻¹J does not exist there.", value)
        except _BadStep as bad:
            return finish(Status.INVALID_INPUT, f"The step at x = {_show(x)} was {bad}: a "
                          f"step must be {len(x)} finite numbers, one per coordinate.", value)
        if not np.any(step) and np.linalg.norm(J) > gtol:
            return finish(Status.STALLED, f"Stalled at x = {_show(x)}: no step lowers f "
                          f"although the gradient is {np.linalg.norm(J):.3g}.", value)
        history.append({"iteration": k, "x": x, "fun": value, "grad_norm":
                        float(np.linalg.norm(J)), "step": step,
                        "step_norm": float(np.linalg.norm(step)), **notes})
        x = x + step
        if np.linalg.norm(x) > DIVERGENCE_BOUND:
            return finish(Status.DIVERGED, f"Diverged: after {k + 1} steps x = {_show(x)} "
                          "is running away; the steps are too large (try a smaller γ).", value)
    return finish(Status.MAX_ITERATIONS, f"Stopped after {maxiter} steps at x = {_show(x)}, "
                  f"where f = {value:.10g} and |J| = {np.linalg.norm(J):.3g}.", value)


def _show(x: np.ndarray) -> str:
    return "(" + ", ".join(f"{v:.8g}" for v in x) + ")"
