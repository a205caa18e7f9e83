"""Gauss–Newton: replace the model by its tangent plane and solve that linear fit exactly.

Fast near a good fit (quadratically when the residuals are small) but unreliable from far
away; a step that does not lower Σr² is halved until it does, the simplest safeguard,
which the course contrasts with Levenberg–Marquardt's trust region.
"""

from __future__ import annotations

import numpy as np

from nablalab.numeric.result import Result, Status
from nablalab.regression.problem import (
    LeastSquares,
    Vector,
    gauss_newton_step,
    gradient_cosine,
    sum_of_squares,
)

MAX_HALVINGS = 40
EPS = float(np.finfo(float).eps)


def gauss_newton(
    problem: LeastSquares,
    beta0: Vector,
    *,
    max_iter: int = 200,
    xtol: float = 1e-15,
    gtol: float = 1e-15,
    ftol: float = 1e-15,
) -> Result:
    """Minimise Σ rᵢ(β)² from ``beta0``; ``history`` holds β, Σr² and the step length t."""
    beta = np.array(beta0, dtype=float)
    r = problem.residuals(beta)
    f2 = sum_of_squares(r)
    if not np.isfinite(f2):
        return Result(beta, f2, Status.LEFT_DOMAIN,
                      "The model cannot be evaluated at the starting parameters.")
    history = [{"x": beta.copy(), "fun": f2, "t": 0.0}]
    status, message = Status.MAX_ITERATIONS, f"No convergence in {max_iter} iterations."
    for _ in range(max_iter):
        jac = problem.jacobian(beta)
        if not np.all(np.isfinite(jac)):
            status, message = Status.LEFT_DOMAIN, "The Jacobian is not finite here."
            break
        if f2 == 0.0 or gradient_cosine(jac, r) <= gtol:
            status, message = Status.CONVERGED, "The gradient of Σr² vanishes (gtol)."
            break
        step = gauss_newton_step(jac, r)
        if np.linalg.norm(step) <= xtol * np.linalg.norm(beta):
            status, message = Status.CONVERGED, "The steps are below the precision of β (xtol)."
            break
        t = 1.0
        for _ in range(MAX_HALVINGS):
            r_trial = problem.residuals(beta + t * step)
            f2_trial = sum_of_squares(r_trial)
            if f2_trial < f2:
                break
            t *= 0.5
        else:
            if np.linalg.norm(step) <= np.sqrt(EPS) * np.linalg.norm(beta):
                status, message = Status.CONVERGED, "Σr² cannot be reduced further (ftol)."
            else:
                status, message = Status.STALLED, (
                    "Even a tiny Gauss–Newton step raises Σr²: the fit is as good as this "
                    "method gets here; try method='lm'.")
            break
        reduction = (f2 - f2_trial) / f2
        beta, r, f2 = beta + t * step, r_trial, f2_trial
        history.append({"x": beta.copy(), "fun": f2, "t": t})
        if t == 1.0 and reduction <= ftol:
            status, message = Status.CONVERGED, "Σr² cannot be reduced further (ftol)."
            break
    return Result(beta, f2, status, message, len(history) - 1, history,
                  {"nfev": problem.nfev, "njev": problem.njev})
