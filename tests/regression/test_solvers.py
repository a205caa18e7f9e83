"""The solver cores on problems given as plain residual and Jacobian functions."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import scipy.optimize

from nablalab.numeric.result import Status
from nablalab.regression import (
    LeastSquares,
    gauss_newton,
    levenberg_marquardt,
    steepest_descent,
)
from nablalab.regression.levenberg_marquardt import ScaledSVD, trust_region_step


def rosenbrock() -> LeastSquares:
    """Rosenbrock's valley as least squares: r = (10(β₂ − β₁²), 1 − β₁), minimum at (1, 1)."""
    return LeastSquares(
        lambda b: np.array([10 * (b[1] - b[0] ** 2), 1 - b[0]]),
        lambda b: np.array([[-20 * b[0], 10.0], [-1.0, 0.0]]),
    )


def line_problem() -> tuple[LeastSquares, np.ndarray]:
    x = np.linspace(0, 1, 8)
    y = 3 * x - 1 + np.sin(7 * x) / 10
    design = np.column_stack([x, np.ones_like(x)])
    return LeastSquares(lambda b: design @ b - y, lambda b: design), np.linalg.lstsq(
        design, y, rcond=None)[0]


def test_levenberg_marquardt_walks_the_rosenbrock_valley() -> None:
    problem = rosenbrock()
    result = levenberg_marquardt(problem, np.array([-1.2, 1.0]))
    assert result.status is Status.CONVERGED
    np.testing.assert_allclose(result.x, [1.0, 1.0], rtol=1e-12)
    assert result.fun < 1e-25
    reference = scipy.optimize.least_squares(problem.residual_fn, [-1.2, 1.0],
                                             jac=problem.jacobian_fn, method="lm")
    np.testing.assert_allclose(result.x, reference.x, rtol=1e-8)
    # every iteration is recorded with its damping, and Σr² never rises
    values = [entry["fun"] for entry in result.history]
    assert all(b <= a for a, b in itertools.pairwise(values))
    assert all({"x", "fun", "lambda", "delta"} <= entry.keys() for entry in result.history)
    assert result.nit == len(result.history) - 1


def test_trust_region_step_solves_the_damped_normal_equations() -> None:
    rng = np.random.default_rng(7)
    jac, r = rng.normal(size=(12, 4)), rng.normal(size=12)
    u, s, vt = np.linalg.svd(jac, full_matrices=False)
    svd = ScaledSVD(s, vt, u.T @ r)
    full = np.linalg.lstsq(jac, -r, rcond=None)[0]
    step, lam = trust_region_step(svd, 2.0 * np.linalg.norm(full))
    assert lam == 0.0
    np.testing.assert_allclose(step, full, rtol=1e-12)
    delta = 0.3 * np.linalg.norm(full)
    step, lam = trust_region_step(svd, delta)
    assert lam > 0
    assert np.linalg.norm(step) == pytest.approx(delta, rel=2e-3)
    damped = np.linalg.solve(jac.T @ jac + lam * np.eye(4), -jac.T @ r)
    np.testing.assert_allclose(step, damped, rtol=1e-10)


def test_levenberg_marquardt_reports_an_exhausted_budget() -> None:
    result = levenberg_marquardt(rosenbrock(), np.array([-1.2, 1.0]), max_iter=3)
    assert result.status is Status.MAX_ITERATIONS
    assert result.nit == 3


def test_levenberg_marquardt_refuses_an_undefined_start() -> None:
    problem = LeastSquares(lambda b: np.log(b), lambda b: np.diag(1 / b))
    result = levenberg_marquardt(problem, np.array([-1.0]))
    assert result.status is Status.LEFT_DOMAIN


def test_gauss_newton_solves_a_linear_fit_in_one_step() -> None:
    problem, exact = line_problem()
    result = gauss_newton(problem, np.array([0.0, 0.0]))
    assert result.success
    np.testing.assert_allclose(result.x, exact, rtol=1e-13)
    assert result.history[1]["t"] == 1.0
    np.testing.assert_allclose(result.history[1]["x"], exact, rtol=1e-13)


def test_gauss_newton_halves_steps_that_overshoot() -> None:
    result = gauss_newton(rosenbrock(), np.array([-1.2, 1.0]))
    assert result.success
    np.testing.assert_allclose(result.x, [1.0, 1.0], rtol=1e-12)


def test_steepest_descent_creeps_to_the_linear_fit() -> None:
    problem, exact = line_problem()
    result = steepest_descent(problem, np.zeros(2), rate=0.05, max_iter=20_000, gtol=1e-10)
    assert result.success
    np.testing.assert_allclose(result.x, exact, rtol=1e-7)
    values = [entry["fun"] for entry in result.history]  # downhill, up to rounding
    assert all(b <= a * (1 + 1e-12) for a, b in itertools.pairwise(values))


def test_steepest_descent_reports_divergence_and_bad_rates() -> None:
    problem, _ = line_problem()
    assert steepest_descent(problem, np.zeros(2), rate=10.0).status is Status.DIVERGED
    assert steepest_descent(problem, np.zeros(2), rate=-1.0).status is Status.INVALID_INPUT
    capped = steepest_descent(problem, np.zeros(2), rate=0.01, max_iter=50)
    assert capped.status is Status.MAX_ITERATIONS
    assert capped.nit == 50 and len(capped.history) == 51
