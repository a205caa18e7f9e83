"""Descent methods against scipy.optimize.minimize, and the sandpit's step strategies."""

import itertools
import json

import numpy as np
import pytest
import sympy as sp
from scipy.optimize import minimize as scipy_minimize
from scipy.optimize import rosen, rosen_der, rosen_hess

from nablalab.numeric.result import Status
from nablalab.optimize import (
    Adam,
    Momentum,
    fixed_length,
    hybrid,
    hybrid_choice,
    minimize,
    newton_step,
    steepest_descent,
    walk,
)

x, y = sp.symbols("x y", real=True)
ROSENBROCK = (1 - x) ** 2 + 100 * (y - x**2) ** 2
QUADRATIC = 3 * x**2 + x * y + 2 * y**2 - x + 4 * y
QUADRATIC_MIN = np.linalg.solve([[6, 1], [1, 4]], [1, -4])


@pytest.mark.parametrize(
    ("method", "options"),
    [
        ("steepest", {"gamma": 0.1}),
        ("backtracking", {}),
        ("momentum", {"gamma": 0.05, "beta": 0.8}),
        ("adam", {"rate": 0.1, "maxiter": 5000}),
        ("newton", {}),
        ("hybrid", {"gamma": 0.1}),
    ],
)
def test_quadratic_minimum_matches_scipy(method, options):
    result = minimize(QUADRATIC, [2, 2], method, **options)
    reference = scipy_minimize(sp.lambdify([(x, y)], QUADRATIC), [2, 2], method="BFGS")
    assert result.status is Status.CONVERGED
    assert result.x == pytest.approx(QUADRATIC_MIN, abs=1e-7)
    assert result.x == pytest.approx(reference.x, abs=1e-5)
    assert result.fun == pytest.approx(reference.fun, abs=1e-10)


def test_course_hybrid_with_gamma_half_can_diverge_on_a_steep_bowl():
    # From (2, 2) the Newton step is longer than 2, so the hybrid falls back to -0.5 J; the
    # bowl's curvature reaches 6.4 and 0.5 * 6.4 > 2, so each fallback overshoots further.
    result = minimize(QUADRATIC, [2, 2], "hybrid")
    assert result.status is Status.DIVERGED
    assert {row["rule"] for row in result.history} == {"steepest"}


def test_newton_solves_a_quadratic_in_one_step():
    assert minimize(QUADRATIC, [2, 2], "newton").nit == 1


@pytest.mark.parametrize("method", ["newton", "hybrid", "backtracking"])
def test_rosenbrock_matches_scipy(method):
    result = minimize(ROSENBROCK, [-1.2, 1], method, maxiter=30_000)
    reference = scipy_minimize(rosen, [-1.2, 1], jac=rosen_der, hess=rosen_hess,
                               method="Newton-CG", options={"xtol": 1e-12})
    assert result.status is Status.CONVERGED
    assert result.x == pytest.approx(reference.x, abs=1e-6)


def test_callables_with_scipy_rosenbrock_and_history_rows():
    result = minimize(rosen, [-1.2, 1], "hybrid", jac=rosen_der, hess=rosen_hess)
    assert result.x == pytest.approx([1, 1])
    rules = {row["rule"] for row in result.history}
    assert rules == {"newton", "steepest"}  # the hybrid used both rules on the way
    assert all(np.isfinite(row["grad_norm"]) for row in result.history)
    json.dumps(result.to_dict())


def test_backtracking_always_decreases_f():
    result = minimize(ROSENBROCK, [-1.2, 1], "backtracking", maxiter=200)
    values = [row["fun"] for row in result.history]
    assert all(b < a for a, b in itertools.pairwise(values))


def test_too_large_a_fixed_step_diverges():
    result = minimize(x**2 + y**2, [1, 1], "steepest", gamma=1.5)
    assert result.status is Status.DIVERGED


def test_newton_on_a_saddle_goes_to_the_saddle_but_hybrid_refuses_uphill_steps():
    saddle = x**2 - y**2 + y**4 / 4  # minima at y = ±√2, saddle at the origin
    start = [0.3, 0.2]
    assert minimize(saddle, start, "newton").x == pytest.approx([0, 0], abs=1e-9)
    hybrid_result = minimize(saddle, start, "hybrid")
    assert np.abs(hybrid_result.x) == pytest.approx([0, np.sqrt(2)], abs=1e-8)


def test_singular_hessian_is_reported_for_newton():
    assert minimize(x**4 + y**2, [0, 1], "newton").status is Status.SINGULAR


def test_missing_derivatives_are_asked_for():
    with pytest.raises(ValueError, match="hess"):
        minimize(rosen, [0, 0], "newton", jac=rosen_der)
    with pytest.raises(ValueError, match="unknown method"):
        minimize(QUADRATIC, [0, 0], "simplex")


def test_hybrid_rule_matches_the_course():
    J = np.array([1.0, 0.0])
    uphill_H = np.array([[-1.0, 0.0], [0.0, 1.0]])  # Newton step +J: uphill
    step, rule = hybrid_choice(J, uphill_H)
    assert rule == "steepest" and step == pytest.approx(-0.5 * J)
    long_H = np.eye(2) * 0.1  # Newton step of length 10 > 2
    assert hybrid_choice(J, long_H)[1] == "steepest"
    step, rule = hybrid_choice(J, np.eye(2))
    assert rule == "newton" and step == pytest.approx(-J)
    assert hybrid_choice(J, np.zeros((2, 2)))[1] == "steepest"


def test_strategies_are_next_step_functions():
    J, H = np.array([3.0, 4.0]), np.array([[2.0, 0.0], [0.0, 4.0]])
    assert steepest_descent()(0.0, J, H) == pytest.approx([-1.5, -2.0])
    assert fixed_length(0.5)(0.0, J, H) == pytest.approx([-0.3, -0.4])
    assert newton_step(0.0, J, H) == pytest.approx([-1.5, -1.0])
    assert hybrid()(0.0, J, H) == pytest.approx([-1.5, -1.0])
    momentum = Momentum(gamma=0.1, beta=0.5)
    momentum(0.0, J, H)
    assert momentum(0.0, J, H) == pytest.approx(0.5 * -0.1 * J - 0.1 * J)
    adam = Adam(rate=0.1)
    assert adam(0.0, J, H) == pytest.approx([-0.1, -0.1], rel=1e-6)  # first Adam step: -rate·sign


def test_walk_takes_exactly_the_requested_steps_like_the_sandpit():
    result = walk(steepest_descent(0.05), QUADRATIC, [2, 2], steps=5)
    assert result.nit == 5 and result.status is Status.MAX_ITERATIONS
    expected = np.array([2.0, 2.0])
    gradient = sp.lambdify([(x, y)], [sp.diff(QUADRATIC, v) for v in (x, y)])
    for row in result.history:
        assert row["x"] == pytest.approx(expected)
        expected = expected - 0.05 * np.array(gradient(expected))
    assert result.x == pytest.approx(expected)


def test_walk_with_a_learner_strategy_that_returns_rubbish():
    result = walk(lambda f, J, H: "downhill", QUADRATIC, [0, 0])
    assert result.status is Status.INVALID_INPUT
    assert "2 finite numbers" in result.message
    result = walk(lambda f, J, H: np.linalg.inv(H) @ J, x**4 + y**2, [0, 1])
    assert result.status is Status.SINGULAR


def test_text_objective():
    result = minimize("(x - 1)^2 + 2*(y + 3)^2", [0, 0], "newton")
    assert result.x == pytest.approx([1, -3])
