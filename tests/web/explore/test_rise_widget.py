"""The rise-over-run endpoint against SymPy and NumPy: the exact slope, the secant for every
step of the sweep, and the V of truncation meeting round-off."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

URL = "/api/widgets/rise-over-run"


def post(client, body):
    return client.post(URL, body, content_type="application/json")


@pytest.mark.django_db
def test_secants_and_errors_match_an_independent_computation(client):
    response = post(client, {"f": "x^2 sin(x)", "x0": 0.7})
    assert response.status_code == 200, response.content
    data = response.json()
    x = sp.Symbol("x")
    exact = float(sp.diff(x**2 * sp.sin(x), x).subs(x, sp.Rational(7, 10)).evalf(30))
    assert data["exact_slope"] == pytest.approx(exact, rel=1e-15)
    f = sp.lambdify(x, x**2 * sp.sin(x), "numpy")
    steps = np.array(data["steps"])
    assert steps[0] == 1 and steps[-1] == pytest.approx(1e-15) and len(steps) == 61
    forward = (f(0.7 + steps) - f(0.7)) / steps
    central = (f(0.7 + steps) - f(0.7 - steps)) / (2 * steps)
    np.testing.assert_allclose(data["methods"]["forward"]["estimates"], forward, rtol=1e-12)
    np.testing.assert_allclose(data["methods"]["central"]["estimates"], central, rtol=1e-12)
    np.testing.assert_allclose(data["y_ahead"], f(0.7 + steps), rtol=1e-15)
    np.testing.assert_allclose(data["methods"]["forward"]["errors"], abs(forward - exact),
                               rtol=1e-6, atol=1e-300)


@pytest.mark.django_db
def test_truncation_falls_like_h_then_round_off_takes_over(client):
    data = post(client, {"f": "exp(x)", "x0": 1}).json()
    steps = np.array(data["steps"])
    forward = np.array(data["methods"]["forward"]["errors"], dtype=float)
    central = np.array(data["methods"]["central"]["errors"], dtype=float)
    # Large h: the error falls like h (forward) and h^2 (central): slopes 1 and 2 on log-log.
    big = (steps <= 1e-1) & (steps >= 1e-3)
    for errors, order in ((forward, 1), (central, 2)):
        slope = np.polyfit(np.log10(steps[big]), np.log10(errors[big]), 1)[0]
        assert slope == pytest.approx(order, abs=0.1)
    # The bottom of the V sits near sqrt(eps) for forward differences, and tiny h is worse.
    best = data["methods"]["forward"]["best_step"]
    assert 1e-10 < best < 1e-6
    assert forward[-1] > 1e3 * data["methods"]["forward"]["best_error"]


@pytest.mark.django_db
@pytest.mark.parametrize(("body", "words"), [
    ({"f": "ln(x)", "x0": -1}, "not differentiable at x0 = -1"),
    ({"f": "sqrt(x)", "x0": 0}, "not differentiable at x0 = 0"),
    ({"f": "sin(x", "x0": 0}, "could not be read"),
    ({"f": "x*y", "x0": 0}, "could not be read"),
])
def test_points_without_a_derivative_and_bad_functions_get_a_message(client, body, words):
    response = post(client, body)
    assert response.status_code == 422
    assert words in response.json()["detail"]
