"""The Newton–Raphson endpoints against SymPy's roots and a hand-written Newton iteration,
on the course's sextic and on functions with no root, a cycle and a runaway."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from nablalab.web.explore.endpoints.newton import SEXTIC

x = sp.Symbol("x")
SEXTIC_EXPR = x**6 / 6 - 3 * x**4 - 2 * x**3 / 3 + sp.Rational(27, 2) * x**2 + 18 * x - 30


def post(client, url, body):
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()


def real_roots(expr):
    return sorted(float(r) for r in sp.Poly(expr * 6, x).real_roots())


@pytest.mark.django_db
@pytest.mark.parametrize(("x0", "root"), [(1, 1.06307), (1.99, -3.76021), (3.1, -3.76021)])
def test_the_course_starts_reach_the_roots_the_course_says(client, x0, root):
    data = post(client, "/api/widgets/newton", {"f": SEXTIC, "x0": x0})
    assert data["status"] == "converged" and data["root"] == pytest.approx(root, abs=1e-5)
    assert data["root"] == pytest.approx(min(real_roots(SEXTIC_EXPR),
                                             key=lambda r: abs(r - root)), abs=1e-10)
    f, df = sp.lambdify(x, SEXTIC_EXPR), sp.lambdify(x, sp.diff(SEXTIC_EXPR, x))
    here = x0
    for step in data["steps"]:  # each row is x - f(x)/f'(x), as done by hand
        assert step["x"] == pytest.approx(here, rel=1e-12, abs=1e-12)
        assert step["fx"] == pytest.approx(f(here)) and step["dfx"] == pytest.approx(df(here))
        here = here - f(here) / df(here)
        assert step["x_next"] == pytest.approx(here, rel=1e-9, abs=1e-12)
    assert len(data["steps"]) == (3 if x0 == 1 else len(data["steps"]))


@pytest.mark.django_db
@pytest.mark.parametrize(("f", "x0", "status"), [
    ("x^3 - 2*x + 2", 0, "cycle"),  # 0 -> 1 -> 0 -> ...
    ("x^2 + 1", 0.5, "max_iterations"),  # no real root: it wanders
    ("atan(x)", 2, "diverged"),  # each tangent overshoots further
    ("x^2 - 4", 0, "zero_derivative"),
])
def test_honest_statuses(client, f, x0, status):
    data = post(client, "/api/widgets/newton", {"f": f, "x0": x0})
    assert data["status"] == status and data["root"] is None


@pytest.mark.django_db
def test_basins_colour_each_start_by_the_root_it_reaches(client):
    data = post(client, "/api/widgets/newton/basins", {"f": SEXTIC, "xmin": -6, "xmax": 6})
    assert len(data["starts"]) == 201
    np.testing.assert_allclose(data["roots"], real_roots(SEXTIC_EXPR), atol=1e-9)
    outcome = dict(zip(data["starts"], data["outcome"], strict=True))
    assert outcome[-6.0] == 0
    start_near_1 = min(data["starts"], key=lambda s: abs(s - 1))
    assert outcome[start_near_1] == 1
    f, df = sp.lambdify(x, SEXTIC_EXPR), sp.lambdify(x, sp.diff(SEXTIC_EXPR, x))
    for start, result in list(outcome.items())[::20]:  # checked by a plain iteration
        here = start
        for _ in range(50):
            if df(here) == 0 or abs(f(here)) <= 1e-12:
                break
            here = here - f(here) / df(here)
        if isinstance(result, int):
            assert here == pytest.approx(data["roots"][result], abs=1e-8)


@pytest.mark.django_db
def test_basins_mark_cycles(client):
    data = post(client, "/api/widgets/newton/basins", {"f": "x^3 - 2*x + 2", "xmin": -1,
                                                        "xmax": 1})
    outcome = dict(zip(data["starts"], data["outcome"], strict=True))
    assert outcome[0.0] == "cycle" and "cycle" in data["outcome"]
    assert data["roots"] == pytest.approx([-1.769292354], abs=1e-8)


@pytest.mark.django_db
def test_bad_function_gets_a_message(client):
    response = client.post("/api/widgets/newton", {"f": "sin(x", "x0": 1},
                           content_type="application/json")
    assert response.status_code == 422 and "could not be read" in response.json()["detail"]
