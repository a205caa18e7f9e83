"""Linear least squares in closed form: the straight line of the course and any design matrix.

Solved by a pivoted QR factorisation of the σ-weighted design matrix, never through
(AᵀA)⁻¹, which squares the condition number (a polynomial fit in raw x loses every digit
that way long before QR does).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.linalg
from numpy.typing import ArrayLike

from nablalab.numeric.result import Result, Status
from nablalab.regression.statistics import parameter_uncertainty


def weighted_data(
    y: ArrayLike, sigma: ArrayLike | None, size: int | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """y as floats and the weights 1/σ, checked so a learner hears what is wrong."""
    y = np.asarray(y, dtype=float).ravel()
    if size is not None and y.size != size:
        raise ValueError(f"x has {size} values but y has {y.size}; give one y per x.")
    if not np.all(np.isfinite(y)):
        raise ValueError("y contains a missing or infinite value; remove that point.")
    if sigma is None:
        return y, np.ones_like(y)
    sigma = np.broadcast_to(np.asarray(sigma, dtype=float), y.shape)
    if not np.all(np.isfinite(sigma) & (sigma > 0)):
        raise ValueError("Every σ must be a positive number (σ is each point's uncertainty).")
    return y, 1.0 / sigma


def lstsq(
    design: ArrayLike,
    y: ArrayLike,
    sigma: ArrayLike | None = None,
    names: Sequence[str] | None = None,
) -> Result:
    """Minimise χ² = Σ ((yᵢ − (Aβ)ᵢ)/σᵢ)² over β for a design matrix A (one column per β).

    With σ given the covariance is (AᵀWA)⁻¹, σ taken as true uncertainties; without σ it
    is scaled by χ²/(m − n), as ``numpy.polyfit`` and ``scipy.stats.linregress`` do.
    """
    a = np.atleast_2d(np.asarray(design, dtype=float))
    if a.ndim != 2 or a.shape[0] < a.shape[1]:
        raise ValueError(
            f"The design matrix must have at least as many rows (data points) as columns "
            f"(parameters); it has shape {a.shape}.")
    y, weights = weighted_data(y, sigma, a.shape[0])
    names = list(names) if names is not None else [f"β{i}" for i in range(a.shape[1])]
    weighted = a * weights[:, None]
    scale = np.linalg.norm(weighted, axis=0)  # unit columns: the rank test ignores units
    scale[scale == 0.0] = 1.0
    q, r, perm = scipy.linalg.qr(weighted / scale, mode="economic", pivoting=True)
    diag = np.abs(np.diag(r))
    if diag[-1] <= diag[0] * np.finfo(float).eps * max(a.shape):
        return Result(np.full(a.shape[1], np.nan), float("nan"), Status.SINGULAR,
                      "The columns of the design matrix are linearly dependent, so the "
                      "parameters are not determined by the data; drop a column.")
    beta = np.empty(a.shape[1])
    beta[perm] = scipy.linalg.solve_triangular(r, q.T @ (y * weights)) / scale[perm]
    residuals = y - a @ beta
    chi2 = float(np.sum((residuals * weights) ** 2))
    stats = parameter_uncertainty(weighted, chi2, absolute_sigma=sigma is not None)
    return Result(
        beta, stats.chi2, Status.CONVERGED, "Solved exactly by QR factorisation.",
        extra={
            "params": dict(zip(names, beta.tolist(), strict=True)),
            "stderr": dict(zip(names, stats.stderr.tolist(), strict=True)),
            "covariance": stats.covariance,
            "chi2": stats.chi2,
            "reduced_chi2": stats.reduced_chi2,
            "dof": stats.dof,
            "residuals": residuals,
        },
    )


def linfit(x: ArrayLike, y: ArrayLike, sigma: ArrayLike | None = None) -> Result:
    """The course's straight line y = m x + c minimising χ² = Σ (yᵢ − (m xᵢ + c))²/σᵢ².

    ``result.params`` is {"m": ..., "c": ...}; ``result.stderr`` their standard errors.
    """
    x = np.asarray(x, dtype=float).ravel()
    if x.size < 2:
        raise ValueError("A straight line needs at least two data points.")
    return lstsq(np.column_stack([x, np.ones_like(x)]), y, sigma, names=["m", "c"])
