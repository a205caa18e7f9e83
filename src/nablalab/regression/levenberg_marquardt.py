"""Levenberg–Marquardt as a scaled trust region, in the manner of MINPACK's ``lmder``.

Each step minimises ‖r + J p‖ within ‖D p‖ ≤ Δ, where D holds the largest column norms of
J seen so far (Moré's scaling, so the parameters' units do not matter). The damping λ is
the multiplier of that constraint, found exactly from the SVD of J·D⁻¹: the step is
never computed from JᵀJ, whose condition number is the square of J's.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nablalab.numeric.result import Result, Status
from nablalab.regression.problem import LeastSquares, Vector, gradient_cosine, sum_of_squares

EPS = float(np.finfo(float).eps)


@dataclass(frozen=True)
class Tolerances:
    """When to stop; the defaults sit at machine precision so the answer is the minimum.

    ``ftol``: relative reduction of Σr² actual and predicted; ``xtol``: trust radius
    relative to ‖Dβ‖; ``gtol``: cosine between r and every column of J.
    """

    ftol: float = 1e-15
    xtol: float = 1e-15
    gtol: float = 1e-15
    max_nfev: int = 20_000


@dataclass(frozen=True)
class ScaledSVD:
    """J·D⁻¹ = U diag(s) Vᵀ with ``uf`` = Uᵀ r: every trust-region step in closed form."""

    s: np.ndarray
    vt: np.ndarray
    uf: np.ndarray

    def step(self, lam: float) -> np.ndarray:
        """The scaled step q = D p minimising ‖r + J p‖² + λ‖q‖²."""
        if lam == 0.0:  # Gauss–Newton: drop directions J cannot see (rank deficiency)
            keep = self.s > self.s[0] * EPS * 10 * max(self.vt.shape)
            return -self.vt[keep].T @ (self.uf[keep] / self.s[keep])
        return -self.vt.T @ (self.s * self.uf / (self.s**2 + lam))

    def norm_and_slope(self, lam: float) -> tuple[float, float]:
        """‖q(λ)‖² and its derivative in λ, for Newton's method on the secular equation."""
        denom = self.s**2 + lam
        weights = (self.s * self.uf) ** 2
        return float(np.sum(weights / denom**2)), float(-2.0 * np.sum(weights / denom**3))


def trust_region_step(svd: ScaledSVD, delta: float) -> tuple[np.ndarray, float]:
    """The scaled step of length at most Δ and its damping λ (0 for a Gauss–Newton step).

    Solves ‖q(λ)‖ = Δ by Newton's method on 1/‖q‖ (Moré–Hebden), safeguarded by bisection
    between bounds that always bracket the root.
    """
    q = svd.step(0.0)
    if np.linalg.norm(q) <= 1.1 * delta:
        return q, 0.0
    lo, hi = 0.0, float(np.linalg.norm(svd.s * svd.uf)) / delta
    lam = hi * 1e-3
    for _ in range(60):
        if not lo < lam < hi:
            lam = max(np.sqrt(lo * hi), hi * 1e-3)
        qn2, slope = svd.norm_and_slope(lam)
        qn = np.sqrt(qn2)
        if abs(qn - delta) <= 1e-3 * delta:
            break
        if qn > delta:
            lo = lam
        else:
            hi = lam
        lam -= 2.0 * (qn - delta) * qn2 / (delta * slope)
    return svd.step(lam), lam


def levenberg_marquardt(
    problem: LeastSquares,
    beta0: Vector,
    tolerances: Tolerances | None = None,
    *,
    factor: float = 1.0,
    max_iter: int = 10_000,
) -> Result:
    """Minimise Σ rᵢ(β)² from ``beta0``; ``history`` holds β, Σr², λ and Δ per iteration.

    Steps are accepted when they achieve at least 10⁻⁴ of the reduction the linear model
    predicts; Δ grows after good agreement and shrinks after poor agreement (Moré 1978).
    The first radius is ``factor``·‖Dβ₀‖: MINPACK's 100 lets the first step leap onto a
    plateau where the model saturates (BoxBOD from start 1: b2 → ∞); 1 does not.
    """
    tol = tolerances or Tolerances()
    beta = np.array(beta0, dtype=float)
    r = problem.residuals(beta)
    f2 = sum_of_squares(r)
    if not np.isfinite(f2):
        return Result(beta, f2, Status.LEFT_DOMAIN,
                      "The model cannot be evaluated at the starting parameters.")
    history = [{"x": beta.copy(), "fun": f2, "lambda": 0.0, "delta": float("nan")}]
    jac = problem.jacobian(beta)
    diag = np.linalg.norm(jac, axis=0)
    diag[diag == 0.0] = 1.0
    delta = factor * float(np.linalg.norm(diag * beta)) or factor
    nit = 0
    status, message = Status.MAX_ITERATIONS, "The iteration budget ran out before convergence."
    while problem.nfev < tol.max_nfev and nit < max_iter:
        if not np.all(np.isfinite(jac)):
            status, message = Status.LEFT_DOMAIN, "The Jacobian is not finite here."
            break
        if f2 == 0.0 or gradient_cosine(jac, r) <= tol.gtol:
            status, message = Status.CONVERGED, "The gradient of Σr² vanishes (gtol)."
            break
        diag = np.maximum(diag, np.linalg.norm(jac, axis=0))
        u, s, vt = np.linalg.svd(jac / diag, full_matrices=False)
        svd = ScaledSVD(s, vt, u.T @ r)
        accepted = False
        while not accepted and problem.nfev < tol.max_nfev:
            q, lam = trust_region_step(svd, delta)
            step = q / diag
            qnorm = float(np.linalg.norm(q))
            if nit == 0:
                delta = min(delta, qnorm)
            trial = beta + step
            r_trial = problem.residuals(trial)
            f2_trial = sum_of_squares(r_trial)
            jp2 = float(np.sum((jac @ step) ** 2))
            predicted = (jp2 + 2.0 * lam * qnorm**2) / f2
            actual = 1.0 - f2_trial / f2 if f2_trial < 100.0 * f2 else -1.0
            ratio = actual / predicted if predicted > 0.0 else 0.0
            delta, accepted = _update_radius(delta, qnorm, ratio, actual, jp2, lam, f2)
            if accepted:
                beta, r, f2 = trial, r_trial, f2_trial
                nit += 1
                history.append({"x": beta.copy(), "fun": f2, "lambda": lam, "delta": delta})
            xnorm = float(np.linalg.norm(diag * beta))
            if abs(actual) <= tol.ftol and predicted <= tol.ftol and ratio <= 2.0:
                status, message = Status.CONVERGED, "Σr² cannot be reduced further (ftol)."
            elif delta <= tol.xtol * xnorm or qnorm <= EPS * xnorm:
                status, message = Status.CONVERGED, "The steps are below the precision of β (xtol)."
            else:
                continue
            return _finish(beta, f2, status, message, nit, history, problem)
        jac = problem.jacobian(beta)
    return _finish(beta, f2, status, message, nit, history, problem)


def _update_radius(
    delta: float, qnorm: float, ratio: float, actual: float, jp2: float, lam: float, f2: float
) -> tuple[float, bool]:
    """MINPACK's rule for Δ after a trial step; returns the new Δ and whether to accept."""
    if ratio <= 0.25:
        dirder = -(jp2 + lam * qnorm**2) / f2
        temp = 0.5 if actual >= 0.0 else 0.5 * dirder / (dirder + 0.5 * actual)
        if actual == -1.0 or temp < 0.1:
            temp = 0.1
        delta = temp * min(delta, qnorm / 0.1)
    elif lam == 0.0 or ratio >= 0.75:
        delta = qnorm / 0.5
    return delta, ratio >= 1e-4


def _finish(
    beta: Vector, f2: float, status: Status, message: str, nit: int,
    history: list[dict], problem: LeastSquares,
) -> Result:
    return Result(beta, f2, status, message, nit, history,
                  {"nfev": problem.nfev, "njev": problem.njev})
