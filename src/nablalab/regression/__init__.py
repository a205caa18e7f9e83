"""Least squares for the course's regression module, and beyond.

- ``linfit`` / ``lstsq``: linear fits in closed form (QR), with χ² and standard errors;
- ``fit``: a non-linear model typed as text, by Levenberg–Marquardt, Gauss–Newton or
  steepest descent, with an AD Jacobian; validated on the 54 NIST StRD fits;
- the solver cores (``levenberg_marquardt``, ``gauss_newton``, ``steepest_descent``) work
  on any ``LeastSquares`` problem (residual and Jacobian functions).
"""

from nablalab.regression.descent import steepest_descent
from nablalab.regression.fit import fit
from nablalab.regression.gauss_newton import gauss_newton
from nablalab.regression.levenberg_marquardt import Tolerances, levenberg_marquardt
from nablalab.regression.linear import linfit, lstsq
from nablalab.regression.model import Model, ModelError
from nablalab.regression.problem import LeastSquares

__all__ = [
    "LeastSquares",
    "Model",
    "ModelError",
    "Tolerances",
    "fit",
    "gauss_newton",
    "levenberg_marquardt",
    "linfit",
    "lstsq",
    "steepest_descent",
]
