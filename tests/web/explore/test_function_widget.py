"""The function-and-derivative endpoint against SymPy, and the explorations' pages."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from nablalab.course.widgets import WIDGETS

URL = "/api/widgets/function-derivative"


@pytest.mark.django_db
def test_samples_the_function_and_its_derivative_like_sympy(client):
    response = client.post(URL, {"f": "x^2 sin(x)", "xmin": -3, "xmax": 3},
                           content_type="application/json")
    assert response.status_code == 200, response.content
    data = response.json()
    x = sp.Symbol("x")
    reference = sp.lambdify(x, sp.diff(x**2 * sp.sin(x), x))
    grid = np.array(data["x"])
    assert grid[0] == -3 and grid[-1] == 3 and len(grid) == 401
    np.testing.assert_allclose(data["dy"], reference(grid), atol=1e-7)
    np.testing.assert_allclose(data["y"], grid**2 * np.sin(grid), atol=1e-7)
    assert "cos" in data["derivative_latex"]


@pytest.mark.django_db
def test_undefined_values_become_gaps_not_errors(client):
    data = client.post(URL, {"f": "ln(x)", "xmin": -1, "xmax": 1},
                       content_type="application/json").json()
    assert data["y"][0] is None and data["y"][-1] == 0
    assert data["dy"][-1] == 1


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "words"), [
    ("sin(x", "could not be read"),
    ("x = 2", "single expression"),
    ("import os", "could not be read"),
])
def test_bad_functions_get_a_specific_message(client, text, words):
    response = client.post(URL, {"f": text}, content_type="application/json")
    assert response.status_code == 422
    assert words in response.json()["detail"]


@pytest.mark.django_db
def test_oversized_input_is_refused(client):
    response = client.post(URL, {"f": "x+" * 400 + "x"}, content_type="application/json")
    assert response.status_code == 422


@pytest.mark.django_db
def test_every_exploration_has_a_page_and_a_script(client):
    from django.contrib.staticfiles import finders
    index = client.get("/explore/").content.decode()
    for name in WIDGETS:
        assert f"/explore/{name}/" in index
        page = client.get(f"/explore/{name}/")
        assert page.status_code == 200
        assert f'data-widget="{name}"' in page.content.decode()
        assert finders.find(f"nablalab/widgets/{name}.js"), f"{name}.js is missing"
    assert client.get("/explore/no-such-thing/").status_code == 404
