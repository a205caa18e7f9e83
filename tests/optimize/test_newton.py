"""Newton–Raphson: the course's sextic, honest statuses, and SciPy as the reference."""

import json

import numpy as np
import pytest
import sympy as sp
from scipy.optimize import brentq, fsolve
from scipy.optimize import newton as scipy_newton

from nablalab.numeric.result import Status
from nablalab.optimize import newton_raphson, newton_system

x, y = sp.symbols("x y", real=True)
SEXTIC = x**6 / 6 - 3 * x**4 - 2 * x**3 / 3 + sp.Rational(27, 2) * x**2 + 18 * x - 30
f = sp.lambdify(x, SEXTIC)
df = sp.lambdify(x, sp.diff(SEXTIC, x))
ROOT_NEAR_MINUS_4 = brentq(f, -4, -3.5)
ROOT_NEAR_1 = brentq(f, 0, 1.5)


def test_from_minus_4_converges_to_the_root_near_minus_4():
    result = newton_raphson(SEXTIC, -4)
    assert result.status is Status.CONVERGED and result.success
    assert result.x == pytest.approx(ROOT_NEAR_MINUS_4, abs=1e-12)
    assert result.x == pytest.approx(scipy_newton(f, -4, fprime=df), abs=1e-12)
    assert result.nit <= 6 and not result.events


def test_from_1_reaches_the_root_near_1_not_minus_4():
    result = newton_raphson(SEXTIC, 1)
    assert result.status is Status.CONVERGED
    assert result.x == pytest.approx(ROOT_NEAR_1, abs=1e-12)
    # the hand iteration: f(1) = 1/6 - 3 - 2/3 + 27/2 + 18 - 30 = -2, f'(1) = 32, x1 = 1 + 1/16
    first = result.history[0]
    assert (first["fun"], first["df"], first["x_next"]) == pytest.approx((-2, 32, 1.0625))


def test_from_1_99_the_nearly_flat_tangent_throws_x_far_away():
    result = newton_raphson(SEXTIC, 1.99)
    assert abs(df(1.99)) < 1  # f'(2) = 0: (x+3)(x-3)(x-2)(x+1)^2
    assert result.history[0]["x_next"] < -30
    assert result.events[0]["kind"] == "near_zero_derivative"
    assert result.events[0]["iteration"] == 0
    assert result.status is Status.CONVERGED  # ...and then it slides to the root near -4
    assert result.x == pytest.approx(ROOT_NEAR_MINUS_4, abs=1e-12)
    assert "nearly zero" in result.message


def test_from_3_1_it_wanders_round_the_minimum_above_zero_then_escapes():
    # f has a local minimum at x = 3 with f(3) = 6 > 0: no root there to find
    wandering = newton_raphson(SEXTIC, 3.1, maxiter=15)
    assert wandering.status is Status.MAX_ITERATIONS
    assert all(2.4 < row["x"] < 4.5 for row in wandering.history)
    assert min(abs(row["fun"]) for row in wandering.history) > 5.9
    assert "went up" in wandering.message
    result = newton_raphson(SEXTIC, 3.1)
    assert result.status is Status.CONVERGED
    assert result.x == pytest.approx(ROOT_NEAR_MINUS_4, abs=1e-12)
    assert result.events and result.events[-1]["kind"] == "near_zero_derivative"


def test_a_two_cycle_is_detected():
    result = newton_raphson(x**3 - 2 * x + 2, 0)
    assert result.status is Status.CYCLE
    assert "period 2" in result.message
    assert [row["x"] for row in result.history[:2]] == [0, 1]


def test_divergence_of_the_cube_root():
    result = newton_raphson(np.cbrt, 1.0, lambda t: 1 / (3 * np.cbrt(t) ** 2))
    assert result.status is Status.DIVERGED
    steps = [row["x_next"] / row["x"] for row in result.history]
    assert steps == pytest.approx([-2.0] * len(steps))


def test_zero_derivative():
    result = newton_raphson(x**2 + 1, 0)
    assert result.status is Status.ZERO_DERIVATIVE
    assert "f'(x) = 0" in result.message


def test_leaving_the_domain_of_ln():
    result = newton_raphson(sp.log(x), 3)
    assert result.status is Status.LEFT_DOMAIN
    assert result.history[0]["x_next"] == pytest.approx(3 - 3 * np.log(3))


def test_max_iterations():
    assert newton_raphson(SEXTIC, 3.1, maxiter=3).status is Status.MAX_ITERATIONS


def test_callables_need_the_derivative():
    with pytest.raises(ValueError, match="f'"):
        newton_raphson(lambda t: t**2 - 2, 1.0)


def test_text_input_and_json_history():
    result = newton_raphson("x^2 - 2", 1)
    assert result.x == pytest.approx(np.sqrt(2), abs=1e-14)
    data = result.to_dict()
    json.dumps(data)
    assert set(data["history"][0]) >= {"x", "fun", "df", "step", "x_next"}


def test_system_matches_scipy_fsolve():
    F = [x**2 + y**2 - 4, sp.exp(x) + y - 1]
    result = newton_system(F, [1, -1.7])
    assert result.status is Status.CONVERGED
    reference = fsolve(sp.lambdify([(x, y)], F), [1, -1.7], xtol=1e-13)
    assert result.x == pytest.approx(reference, abs=1e-10)
    assert np.linalg.norm(result.fun) <= 1e-12


def test_system_with_callables_and_a_singular_jacobian():
    def F(v):
        return np.array([v[0] ** 2 + v[1] ** 2 - 4, v[0] - v[1]])

    def J(v):
        return np.array([[2 * v[0], 2 * v[1]], [1.0, -1.0]])

    assert newton_system(F, [0, 0], J).status is Status.SINGULAR
    result = newton_system(F, [1, 0.5], J)
    assert result.x == pytest.approx([np.sqrt(2), np.sqrt(2)])
