"""Steepest descent on χ²: the course's first fitting method, kept for teaching.

β ← β − rate·∇χ² with ∇χ² = 2 Jᵀ r. It needs a hand-tuned rate and many steps, which is
exactly what the lesson shows before introducing Gauss–Newton and Levenberg–Marquardt.
"""

from __future__ import annotations

import numpy as np

from nablalab.numeric.result import Result, Status
from nablalab.regression.problem import LeastSquares, Vector, gradient_cosine, sum_of_squares

GROWTH_LIMIT = 1e12


def steepest_descent(
    problem: LeastSquares,
    beta0: Vector,
    *,
    rate: float,
    max_iter: int = 1000,
    gtol: float = 1e-8,
) -> Result:
    """Take fixed steps downhill on Σ rᵢ(β)²; ``history`` holds β, Σr² and ‖∇‖ per step."""
    if not rate > 0:
        return Result(np.asarray(beta0, dtype=float), float("nan"), Status.INVALID_INPUT,
                      f"The rate (aggression) must be positive, got {rate}.")
    beta = np.array(beta0, dtype=float)
    r = problem.residuals(beta)
    f2 = start = sum_of_squares(r)
    history = []
    status, message = Status.MAX_ITERATIONS, f"Stopped after {max_iter} steps."
    for _ in range(max_iter + 1):
        if not np.isfinite(f2) or f2 > GROWTH_LIMIT * max(start, 1.0):
            status, message = Status.DIVERGED, (
                f"χ² blew up (rate {rate} is too large for this problem); try a smaller rate.")
            break
        jac = problem.jacobian(beta)
        gradient = 2.0 * jac.T @ r
        norm = float(np.linalg.norm(gradient))
        history.append({"x": beta.copy(), "fun": f2, "gradient_norm": norm})
        if f2 == 0.0 or gradient_cosine(jac, r) <= gtol:
            status, message = Status.CONVERGED, "The gradient of χ² vanishes (gtol)."
            break
        if len(history) > max_iter:
            break
        beta = beta - rate * gradient
        r = problem.residuals(beta)
        f2 = sum_of_squares(r)
    return Result(beta, f2, status, message, len(history) - 1, history,
                  {"nfev": problem.nfev, "njev": problem.njev})
