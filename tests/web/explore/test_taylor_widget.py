"""The Taylor endpoints against SymPy: every order's polynomial and error for a dragged
expansion point, the details (exact polynomial, radius, remainder bound) and the 2-D
expansions."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

x, y = sp.symbols("x y")


def post(client, path, body):
    return client.post(f"/api/widgets/{path}", body, content_type="application/json")


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "expr", "a"), [
    ("exp(x)", sp.exp(x), 0.5),
    ("x^2 sin(x)", x**2 * sp.sin(x), -1.25),
    ("1/(1+x^2)", 1 / (1 + x**2), 0.3),
])
def test_every_order_matches_sympy_series(client, text, expr, a):
    data = post(client, "taylor", {"f": text, "a": a, "xmin": -2, "xmax": 2}).json()
    assert data["why"] is None and len(data["polynomials"]) == 21
    grid = np.array(data["x"])
    point = sp.Rational(repr(a))
    for n in (0, 1, 4, 9, 20):
        reference = sp.series(expr, x, point, n + 1).removeO()
        expected = sp.lambdify(x, reference, "numpy")(grid) * np.ones_like(grid)
        np.testing.assert_allclose(data["polynomials"][n], expected, rtol=1e-6, atol=1e-6)
    error = sp.Abs(expr - sp.series(expr, x, point, 4).removeO())
    expected = sp.lambdify(x, error, "numpy")(grid)
    np.testing.assert_allclose(np.array(data["errors"][3], dtype=float), expected,
                               rtol=1e-3, atol=1e-12)


@pytest.mark.django_db
def test_a_point_without_a_series_says_why(client):
    data = post(client, "taylor", {"f": "ln(x)", "a": 0}).json()
    assert data["polynomials"] == [] and "edge of the domain" in data["why"]
    data = post(client, "taylor", {"f": "abs(x)", "a": 0}).json()
    assert "not smooth" in data["why"] or "corner" in data["why"]
    assert post(client, "taylor", {"f": "abs(x)", "a": 1}).json()["why"] is None


@pytest.mark.django_db
def test_details_give_the_radius_and_a_bound_that_holds(client):
    data = post(client, "taylor/details", {"f": "1/(1+x^2)", "a": 0, "order": 4}).json()
    assert data["radius"] == pytest.approx(1.0)  # the poles at ±i
    assert "nearest singularity" in data["radius_text"]
    polynomial = sp.sympify("x**4 - x**2 + 1")
    grid = np.linspace(-1, 1, 401)
    worst = np.max(np.abs(1 / (1 + grid**2) - sp.lambdify(x, polynomial)(grid)))
    assert worst <= data["bound"]
    assert "x^{4}" in data["polynomial_latex"]
    entire = post(client, "taylor/details", {"f": "sin(x)", "a": 1, "order": 12}).json()
    assert entire["radius"] == 1e308 and entire["polynomial_latex"] is None


@pytest.mark.django_db
def test_two_variable_orders_match_sympy(client):
    body = {"f": "exp(-(x^2+y^2))", "a": 0.5, "b": -0.25, "half_width": 1}
    data = post(client, "taylor-2d", body).json()
    f = sp.exp(-(x**2 + y**2))
    a, b = sp.Rational(1, 2), sp.Rational(-1, 4)
    gx, gy = (sp.diff(f, v).subs({x: a, y: b}) for v in (x, y))
    hxx, hxy, hyy = (sp.diff(f, *vs).subs({x: a, y: b}) for vs in ((x, x), (x, y), (y, y)))
    f0 = f.subs({x: a, y: b})
    t1 = f0 + gx * (x - a) + gy * (y - b)
    t2 = t1 + (hxx * (x - a) ** 2 + 2 * hxy * (x - a) * (y - b) + hyy * (y - b) ** 2) / 2
    mesh = np.meshgrid(np.array(data["x"]), np.array(data["y"]))
    for got, reference in zip(data["orders"], (f0, t1, t2), strict=True):
        expected = sp.lambdify((x, y), reference, "numpy")(*mesh) * np.ones_like(mesh[0])
        np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-9)


@pytest.mark.django_db
def test_bad_input_gets_a_message(client):
    response = post(client, "taylor", {"f": "sin(x", "a": 0})
    assert response.status_code == 422 and "could not be read" in response.json()["detail"]
    response = post(client, "taylor-2d", {"f": "1/(x^2+y^2)", "a": 0, "b": 0})
    assert response.status_code == 422 and "No Taylor expansion about (0, 0)" in response.json()[
        "detail"]
