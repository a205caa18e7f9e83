"""The last digits of a fit: Newton steps, then residuals in 40-digit arithmetic.

A trust region stops once Σr² stops falling measurably; where Σr² is flat that leaves
the parameters with perhaps 7 digits of 16. The gradient Jᵀr is still accurate there, so
Newton's method on Jᵀr = 0, with steps accepted while they keep shrinking, carries on to
full precision without Σr² having to resolve them. (Gauss–Newton drops the residuals'
curvature and crawls, or stalls, on large-residual fits such as ENSO or Thurber.)

In double precision a residual of 1e-13 on data of size 1 (Lanczos1, a perfect fit) has
only three correct digits, so neither Σr² nor the parameters that minimise it can be
found to more. Recomputing only the residuals exactly, from the data's decimal digits,
and solving for the step in double precision (the step is small, so its own rounding
does not matter) recovers every digit the data determine.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import mpmath
import numpy as np
import sympy as sp

from nablalab.regression.model import FUNCTION_NAMES, Backend, Evaluator, compile_expression
from nablalab.regression.problem import LeastSquares, gauss_newton_step, sum_of_squares

DIGITS = 40
MAX_EXACT_STEPS = 12
MAX_NEWTON_STEPS = 20
# Below this ‖r‖/‖y‖, rounding in the model (~eps·|y| per point) costs Σr² more than
# 10 of its digits' worth, so the residuals are recomputed exactly.
NEARLY_EXACT_FIT = 1e-4

_MPMATH_NAMES = {"arctan": "atan", "arcsin": "asin", "arccos": "acos", "abs": "fabs"}
MPMATH = Backend(  # elementwise over object arrays of mpf
    constant=lambda expr: mpmath.mpf(str(sp.N(expr, DIGITS + 10))),
    functions={
        func: np.frompyfunc(getattr(mpmath, _MPMATH_NAMES.get(name, name)), 1, 1)
        for func, name in FUNCTION_NAMES.items()
    },
)


def exact_decimal(values: np.ndarray) -> np.ndarray:
    """Floats as mpmath numbers with the shortest decimal that rounds to them.

    Data typed in decimal (2.5134, 0.05) come back exactly as typed, not as the nearest
    binary fraction, which is what the certified NIST values were computed from.
    """
    return np.array([mpmath.mpf(repr(float(v))) for v in np.ravel(values)], dtype=object)


@dataclass(frozen=True)
class Refined:
    beta: np.ndarray
    sum_of_squares: float
    steps: int


def compile_exact(expr: sp.Expr) -> Evaluator:
    """The model compiled for mpmath numbers (compile inside ``mpmath.workdps``)."""
    with mpmath.workdps(DIGITS):
        return compile_expression(expr, MPMATH)


def newton_step(
    problem: LeastSquares, beta: np.ndarray, jac: np.ndarray, r: np.ndarray
) -> np.ndarray:
    """Solve (JᵀJ + Σ rᵢ∇²rᵢ) p = −Jᵀr, preconditioned by the SVD of J.

    With J·D⁻¹ = U Σ Vᵀ and p = D⁻¹ V Σ⁻¹ w this reads (I + Σ⁻¹VᵀSVΣ⁻¹) w = −Uᵀr, a system
    close to the identity near a good fit, so JᵀJ's squared condition number never
    enters. S = Σ rᵢ∇²rᵢ comes from central differences of the AD Jacobian (r held fixed).
    """
    scale = np.linalg.norm(jac, axis=0)
    scale[scale == 0.0] = 1.0
    u, s, vt = np.linalg.svd(jac / scale, full_matrices=False)
    keep = s > s[0] * np.finfo(float).eps * 10 * max(jac.shape)
    u, s, vt = u[:, keep], s[keep], vt[keep]
    n = beta.size
    curvature = np.empty((n, n))
    for j in range(n):
        h = np.cbrt(np.finfo(float).eps) * (abs(beta[j]) or 1.0)
        shift = np.zeros(n)
        shift[j] = h
        forward = problem.jacobian(beta + shift).T @ r
        backward = problem.jacobian(beta - shift).T @ r
        curvature[:, j] = (forward - backward) / (2.0 * h)
    curvature = 0.5 * (curvature + curvature.T) / np.outer(scale, scale)
    system = np.eye(s.size) + (vt @ curvature @ vt.T) / np.outer(s, s)
    w = np.linalg.solve(system, -(u.T @ r))
    return (vt.T @ (w / s)) / scale


def contract(problem: LeastSquares, beta: np.ndarray) -> np.ndarray:
    """Newton steps in double precision for as long as each is clearly shorter than the
    last (so the iteration converges) and Σr² does not rise beyond rounding."""
    r = problem.residuals(beta)
    f2 = sum_of_squares(r)
    previous = np.inf
    for _ in range(MAX_NEWTON_STEPS):
        jac = problem.jacobian(beta)
        try:
            step = newton_step(problem, beta, jac, r)
        except np.linalg.LinAlgError:
            break
        scale = np.linalg.norm(jac, axis=0)
        size = np.linalg.norm(step * scale) / max(np.linalg.norm(beta * scale), 1e-300)
        if not np.isfinite(size) or size >= 0.9 * previous:
            break
        r_trial = problem.residuals(beta + step)
        f2_trial = sum_of_squares(r_trial)
        if f2_trial > f2 * (1.0 + 1e-10):
            break
        beta, r, f2, previous = beta + step, r_trial, f2_trial, size
        if size <= np.finfo(float).eps:
            break
    return beta


def needs_exact_residuals(residuals: np.ndarray, data: np.ndarray) -> bool:
    """Whether the fit is so close that double-precision residuals are mostly rounding."""
    return bool(np.linalg.norm(residuals) < NEARLY_EXACT_FIT * np.linalg.norm(data))


def refine(
    model: Evaluator,
    data: dict[str, np.ndarray],
    y: np.ndarray,
    weights: np.ndarray,
    names: list[str],
    jacobian: Callable[[np.ndarray], np.ndarray],
    beta: np.ndarray,
) -> Refined | None:
    """Polish ``beta`` with residuals computed exactly; None if the model cannot be
    evaluated exactly there (a complex intermediate, say), in which case keep ``beta``."""
    with mpmath.workdps(DIGITS):
        exact = {name: exact_decimal(values) for name, values in data.items()}
        y_exact, w_exact = exact_decimal(y), exact_decimal(weights)

        def residuals(b: list) -> np.ndarray:
            env = dict(exact)
            env.update(zip(names, b, strict=True))
            return (model(env) - y_exact) * w_exact

        try:
            b = [mpmath.mpf(float(v)) for v in beta]
            r = residuals(b)
            f2 = mpmath.fsum(r * r)
            steps = 0
            for _ in range(MAX_EXACT_STEPS):
                step = gauss_newton_step(jacobian(np.array(b, dtype=float)), r.astype(float))
                if not np.all(np.isfinite(step)):
                    break
                trial = [bi + mpmath.mpf(float(si)) for bi, si in zip(b, step, strict=True)]
                r_trial = residuals(trial)
                f2_trial = mpmath.fsum(r_trial * r_trial)
                if f2_trial > f2:
                    break
                b, r, f2, steps = trial, r_trial, f2_trial, steps + 1
                if np.all(np.abs(step) <= 1e-18 * np.abs(np.array(b, dtype=float))):
                    break
            rounded = np.array(b, dtype=float)
            r_rounded = residuals([mpmath.mpf(v) for v in rounded])
            return Refined(rounded, float(mpmath.fsum(r_rounded * r_rounded)), steps)
        except (TypeError, ValueError, ZeroDivisionError):
            return None
