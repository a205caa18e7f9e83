"""The Lagrange endpoints: the curve points lie on g = 0 with the right gradients, and the
critical points match SymPy's exact solution or, for the course's exponential problems,
the constrained extremes SciPy finds."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from scipy.optimize import minimize

from nablalab.web.explore.endpoints.lagrange import COURSE_F, COURSE_G

x, y = sp.symbols("x y")
F1 = sp.exp(-(2 * x**2 + y**2 - x * y) / 2)
G1 = x**2 + 3 * (y + 1) ** 2 - 1


def post(client, url, body):
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()


@pytest.mark.django_db
def test_the_curve_points_lie_on_the_constraint_with_both_gradients(client):
    data = post(client, "/api/widgets/lagrange", {"f": COURSE_F, "g": COURSE_G})
    g = sp.lambdify((x, y), G1)
    grad_f = sp.lambdify((x, y), [sp.diff(F1, v) for v in (x, y)])
    grad_g = sp.lambdify((x, y), [sp.diff(G1, v) for v in (x, y)])
    assert len(data["curve"]) > 50
    for p in data["curve"][::7]:
        assert abs(g(p["x"], p["y"])) < 1e-9
        np.testing.assert_allclose(p["grad_f"], grad_f(p["x"], p["y"]), atol=1e-12)
        np.testing.assert_allclose(p["grad_g"], grad_g(p["x"], p["y"]), atol=1e-12)
    assert len(data["f_grid"]) == len(data["y"]) and len(data["f_grid"][0]) == len(data["x"])
    # the curve goes all the way round the ellipse x^2 + 3(y+1)^2 = 1
    xs = [p["x"] for p in data["curve"]]
    assert min(xs) == pytest.approx(-1, abs=0.01) and max(xs) == pytest.approx(1, abs=0.01)


def constrained_extremes(f, g):
    """The min and max of f on g = 0 by SciPy's SLSQP from many starts."""
    fun, con = sp.lambdify([(x, y)], f), sp.lambdify([(x, y)], g)
    values = []
    for angle in np.linspace(0, 2 * np.pi, 12, endpoint=False):
        start = [np.cos(angle), -1 + np.sin(angle) / np.sqrt(3)]
        for sign in (1, -1):
            result = minimize(lambda p, s=sign: s * fun(p), start, method="SLSQP",
                              constraints=[{"type": "eq", "fun": con}],
                              options={"ftol": 1e-14, "maxiter": 500})
            if result.success:
                values.append(fun(result.x))
    return min(values), max(values)


@pytest.mark.django_db
def test_course_problem_one_critical_points_found_numerically(client):
    data = post(client, "/api/widgets/lagrange/points", {"f": COURSE_F, "g": COURSE_G})
    assert not data["exact"] and "Newton" in data["message"]
    lowest, highest = constrained_extremes(F1, G1)
    values = [p["f"] for p in data["points"]]
    assert min(values) == pytest.approx(lowest, abs=1e-7)
    assert max(values) == pytest.approx(highest, abs=1e-7)
    for p in data["points"]:  # ∇f = λ∇g and g = 0 at each, checked with SymPy
        at = {x: p["x"], y: p["y"]}
        assert abs(float(G1.subs(at))) < 1e-9
        for v in (x, y):
            assert float((sp.diff(F1, v) - p["multiplier"] * sp.diff(G1, v)).subs(at)) == \
                pytest.approx(0, abs=1e-9)
    kinds = {p["classification"] for p in data["points"]}
    assert {"local min", "local max"} <= kinds
    course = min(data["points"], key=lambda p: np.hypot(p["x"] + 0.959, p["y"] + 1.164))
    assert course["x"] == pytest.approx(-0.95896254, abs=1e-6)  # from (-1, -1, 0) in the course


@pytest.mark.django_db
def test_a_polynomial_problem_is_solved_exactly(client):
    data = post(client, "/api/widgets/lagrange/points", {"f": "x + 2*y", "g": "x^2 + y^2 - 1"})
    assert data["exact"]
    points = sorted(data["points"], key=lambda p: p["f"])
    root5 = np.sqrt(5)
    assert [points[0]["x"], points[0]["y"]] == pytest.approx([-1 / root5, -2 / root5])
    assert points[0]["global_label"] == "global min" and points[1]["global_label"] == "global max"
    assert points[1]["multiplier"] == pytest.approx(root5 / 2)
    assert "sqrt(5)" in points[1]["exact"]


@pytest.mark.django_db
def test_course_problem_two_points_satisfy_the_equations(client):
    f, g = "-exp(x - y^2 + x*y)", "cosh(y) + x - 2"
    data = post(client, "/api/widgets/lagrange/points", {"f": f, "g": g})
    F2, G2 = -sp.exp(x - y**2 + x * y), sp.cosh(y) + x - 2
    assert data["points"]
    for p in data["points"]:
        at = {x: p["x"], y: p["y"]}
        assert abs(float(G2.subs(at))) < 1e-9
        for v in (x, y):
            assert float((sp.diff(F2, v) - p["multiplier"] * sp.diff(G2, v)).subs(at)) == \
                pytest.approx(0, abs=1e-8)


@pytest.mark.django_db
def test_a_bad_constraint_gets_a_message_naming_it(client):
    response = client.post("/api/widgets/lagrange", {"f": "x*y", "g": "x^2 +"},
                           content_type="application/json")
    assert response.status_code == 422 and "constraint g" in response.json()["detail"]
