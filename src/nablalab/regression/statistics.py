"""Parameter uncertainties from a weighted Jacobian, shared by linear and non-linear fits.

The covariance is (JᵀJ)⁻¹ for residuals already divided by σ, computed from the SVD of J
(never by inverting JᵀJ, which squares the condition number and loses half the digits
on problems such as Lanczos3 or Hahn1).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Uncertainty:
    """Covariance and standard errors of fitted parameters, and the χ² they rest on."""

    covariance: np.ndarray
    stderr: np.ndarray
    chi2: float
    dof: int
    reduced_chi2: float


def parameter_uncertainty(
    weighted_jacobian: np.ndarray, chi2: float, *, absolute_sigma: bool
) -> Uncertainty:
    """Covariance of the parameters at a least-squares solution with the given χ².

    With ``absolute_sigma`` the σ given are trusted as they are (χ² keeps its meaning);
    otherwise the covariance is scaled by χ²/(m − n), the residual variance, as
    ``numpy.polyfit``, ``scipy.stats.linregress`` and ``curve_fit`` do when σ is unknown.
    """
    m, n = weighted_jacobian.shape
    dof = m - n
    reduced = chi2 / dof if dof > 0 else float("nan")
    if not np.all(np.isfinite(weighted_jacobian)):  # the fit left the model's domain
        nan = np.full((n, n), np.nan)
        return Uncertainty(nan, np.full(n, np.nan), chi2, dof, reduced)
    _, s, vt = np.linalg.svd(weighted_jacobian, full_matrices=False)
    cutoff = np.finfo(float).eps * max(m, n) * (s[0] if s.size else 0.0)
    if s.size < n or s[-1] <= cutoff:
        covariance = np.full((n, n), np.inf)  # some parameter combination is undetermined
    else:
        scaled = vt.T / s
        covariance = scaled @ scaled.T
        if not absolute_sigma:
            covariance = covariance * reduced
    stderr = np.sqrt(np.abs(np.diag(covariance)))
    return Uncertainty(covariance, stderr, chi2, dof, reduced)
