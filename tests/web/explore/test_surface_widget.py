"""The surface endpoints against SymPy: the grid, the gradient field, and at a point the
gradient, Hessian, tangent plane and slices."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

x, y = sp.symbols("x y")
F = sp.sin(x) * sp.exp(-y**2) + x * y**2


def post(client, path, body):
    return client.post(f"/api/widgets/surface/{path}", body, content_type="application/json")


@pytest.mark.django_db
def test_grid_and_gradient_field_match_sympy(client):
    data = post(client, "grid", {"f": "sin(x) exp(-y^2) + x y^2"}).json()
    xs, ys = np.array(data["x"]), np.array(data["y"])
    mesh = np.meshgrid(xs, ys)
    np.testing.assert_allclose(data["z"], sp.lambdify((x, y), F)(*mesh), rtol=1e-6, atol=1e-9)
    arrows = np.meshgrid(np.array(data["arrows_x"]), np.array(data["arrows_y"]))
    fx, fy = (sp.lambdify((x, y), sp.diff(F, v)) for v in (x, y))
    np.testing.assert_allclose(data["gradient_x"], fx(*arrows), rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(data["gradient_y"], fy(*arrows), rtol=1e-6, atol=1e-9)


@pytest.mark.django_db
def test_a_point_gets_gradient_hessian_plane_and_slices(client):
    data = post(client, "point", {"f": "sin(x) exp(-y^2) + x y^2", "x": 0.4, "y": -0.3}).json()
    at = {x: 0.4, y: -0.3}
    assert data["value"] == pytest.approx(float(F.subs(at)))
    assert data["gradient"] == pytest.approx([float(sp.diff(F, v).subs(at)) for v in (x, y)])
    hessian = [[float(sp.diff(F, u, v).subs(at)) for v in (x, y)] for u in (x, y)]
    np.testing.assert_allclose(data["hessian"], hessian, rtol=1e-12)
    np.testing.assert_allclose(data["eigenvalues"], np.linalg.eigvalsh(hessian), rtol=1e-9)
    # The tangent plane touches f at the point and has f's slopes.
    px, py, pz = (np.array(data[k]) for k in ("plane_x", "plane_y", "plane_z"))
    assert (pz[0, 1] - pz[0, 0]) / (px[1] - px[0]) == pytest.approx(data["gradient"][0])
    assert (pz[1, 0] - pz[0, 0]) / (py[1] - py[0]) == pytest.approx(data["gradient"][1])
    assert np.mean(pz) == pytest.approx(data["value"])  # centred on the point
    slice_x = np.array(data["along_x"]["values"], dtype=float)
    np.testing.assert_allclose(slice_x, sp.lambdify(x, F.subs(y, -0.3))(
        np.array(data["along_x"]["t"])), rtol=1e-6, atol=1e-9)
    assert "Not a stationary point" in data["classification"]


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "point", "kind"), [
    ("x^2 + y^2", (0, 0), "minimum"),
    ("-(x^2) - 3*y^2", (0, 0), "maximum"),
    ("x^2 - y^2", (0, 0), "saddle point"),
])
def test_stationary_points_are_classified_by_the_hessian(client, text, point, kind):
    data = post(client, "point", {"f": text, "x": point[0], "y": point[1]}).json()
    assert f"it is a {kind}" in data["classification"]


@pytest.mark.django_db
def test_undefined_points_and_bad_functions_get_a_message(client):
    response = post(client, "point", {"f": "ln(x) + y", "x": -1, "y": 0})
    assert response.status_code == 422 and "undefined at (-1, 0)" in response.json()["detail"]
    response = post(client, "grid", {"f": "x + z"})
    assert response.status_code == 422 and "could not be read" in response.json()["detail"]
