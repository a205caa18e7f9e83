"""The least-squares problem every solver here works on: residuals and their Jacobian.

Solvers only see r(β) (already divided by σ) and J(β) = ∂r/∂β, so the same Gauss–Newton,
Levenberg–Marquardt and steepest-descent code serves a typed model, a design matrix or
any Python function.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

Vector = np.ndarray
ResidualFn = Callable[[Vector], Vector]
JacobianFn = Callable[[Vector], np.ndarray]


@dataclass
class LeastSquares:
    """Minimise Σ rᵢ(β)², counting evaluations so a result can report its cost."""

    residual_fn: ResidualFn
    jacobian_fn: JacobianFn
    nfev: int = field(default=0, init=False)
    njev: int = field(default=0, init=False)

    def residuals(self, beta: Vector) -> Vector:
        self.nfev += 1
        with np.errstate(all="ignore"):  # overflow shows up as a non-finite sum of squares
            return np.asarray(self.residual_fn(beta), dtype=float)

    def jacobian(self, beta: Vector) -> np.ndarray:
        self.njev += 1
        with np.errstate(all="ignore"):
            return np.atleast_2d(np.asarray(self.jacobian_fn(beta), dtype=float))


def sum_of_squares(r: Vector) -> float:
    """Σ rᵢ², or +∞ when the model left its domain (overflow, log of a negative ...)."""
    with np.errstate(all="ignore"):
        value = float(r @ r)
    return value if np.isfinite(value) else float("inf")


def gradient_cosine(jac: np.ndarray, r: Vector) -> float:
    """The largest |cos| between r and a column of J: zero exactly at a stationary point.

    MINPACK's scale-free gradient test: it does not depend on the units of β or of y.
    """
    rnorm = float(np.linalg.norm(r))
    if rnorm == 0.0:
        return 0.0
    norms = np.linalg.norm(jac, axis=0)
    mask = norms > 0
    if not mask.any():
        return 0.0
    return float(np.max(np.abs(jac[:, mask].T @ r) / (norms[mask] * rnorm)))


def gauss_newton_step(jac: np.ndarray, r: Vector) -> Vector:
    """The minimum-norm p minimising ‖r + J p‖, from the SVD of J with columns scaled.

    Column scaling makes the rank cut-off independent of the parameters' units; directions
    J cannot see (singular values below ~eps·‖J‖) are left alone instead of blowing up.
    """
    scale = np.linalg.norm(jac, axis=0)
    scale[scale == 0.0] = 1.0
    u, s, vt = np.linalg.svd(jac / scale, full_matrices=False)
    keep = s > s[0] * np.finfo(float).eps * 10 * max(jac.shape)
    return -(vt[keep].T @ ((u[:, keep].T @ r) / s[keep])) / scale
