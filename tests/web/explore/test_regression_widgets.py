"""The regression explorations' endpoints against NumPy and SciPy."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import curve_fit

from nablalab.assignments.heights.grading import heights_histogram

pytestmark = pytest.mark.django_db


def post(client, path, body):
    return client.post(f"/api/widgets/{path}", body, content_type="application/json")


def test_linear_fit_matches_numpy_polyfit_with_its_errors(client):
    rng = np.random.default_rng(3)
    x = np.linspace(0, 10, 12)
    y = 1.7 * x - 2 + rng.normal(0, 0.4, x.size)
    data = post(client, "linear-fit", {"points": np.column_stack([x, y]).tolist()}).json()
    (m, c), cov = np.polyfit(x, y, 1, cov="unscaled")
    assert data["m"] == pytest.approx(m, rel=1e-10) and data["c"] == pytest.approx(c, rel=1e-9)
    chi2 = float(np.sum((y - (m * x + c)) ** 2))
    assert data["chi2"] == pytest.approx(chi2, rel=1e-9)
    scale = chi2 / (x.size - 2)  # unweighted: errors scaled by the residual variance
    assert data["m_error"] == pytest.approx(np.sqrt(cov[0, 0] * scale), rel=1e-8)
    np.testing.assert_allclose(data["residuals"], y - (m * x + c), atol=1e-9)


def test_pasted_data_with_uncertainties_is_a_weighted_fit(client):
    csv = "x,y,sigma\n1, 2.0, 0.1\n2; 4.1; 0.2\n3\t5.9\t0.1\n4 8.3 0.5  # last one\n"
    data = post(client, "linear-fit", {"csv": csv}).json()
    x, y, s = np.array([1, 2, 3, 4.0]), np.array([2.0, 4.1, 5.9, 8.3]), np.array([.1, .2, .1, .5])
    (m, _), cov = np.polyfit(x, y, 1, w=1 / s, cov="unscaled")
    assert data["m"] == pytest.approx(m) and data["m_error"] == pytest.approx(np.sqrt(cov[0, 0]))
    assert data["sigma"] == s.tolist()


@pytest.mark.parametrize(("body", "words"), [
    ({"csv": "x,y\n1,2\n2,abc\n"}, "Line 3: 'abc' is not a number"),
    ({"csv": "1,2,3,4\n"}, "expected x,y or x,y,sigma"),
    ({"points": [[1, 2]]}, "at least two points"),
    ({"points": [[1, 2], [1, 3]]}, "same x"),
    ({"csv": "1,2,-1\n2,3,1\n"}, "must be positive"),
    ({}, "Give some points"),
    ({"points": [[1, 2], [1e300, 3]]}, "between -1e+12 and 1e+12"),
])
def test_bad_data_gets_a_message_naming_the_problem(client, body, words):
    response = post(client, "linear-fit", body)
    assert response.status_code == 422 and words in response.json()["detail"]


def test_nonlinear_fit_of_misra1a_reaches_the_certified_values(client):
    data = post(client, "nonlinear-fit", {"dataset": "misra1a"}).json()
    # NIST StRD certified values for Misra1a.
    assert data["params"]["b1"] == pytest.approx(2.3894212918e02, rel=1e-8)
    assert data["params"]["b2"] == pytest.approx(5.5015643181e-04, rel=1e-8)
    assert data["errors"]["b1"] == pytest.approx(2.7070075241e00, rel=1e-6)
    assert data["iterations"][0]["params"] == {"b1": 500.0, "b2": 1e-4}
    assert data["iterations"][-1]["chi2"] == pytest.approx(1.2455138894e-01, rel=1e-7)
    assert len(data["iterations"][0]["curve"]) == len(data["curve_x"])


def test_a_typed_model_on_pasted_data_agrees_with_scipy_curve_fit(client):
    x = np.linspace(0, 4, 25)
    y = 3 * np.exp(-0.8 * x) + 0.5 + 0.01 * np.sin(7 * x)
    csv = "\n".join(f"{a},{b}" for a, b in zip(x, y, strict=True))
    data = post(client, "nonlinear-fit", {"model": "a*exp(-b*x) + c", "csv": csv,
                                          "start": {"a": 1, "b": 1, "c": 0}}).json()
    reference, _ = curve_fit(lambda t, a, b, c: a * np.exp(-b * t) + c, x, y, p0=[1, 1, 0])
    got = [data["params"][name] for name in ("a", "b", "c")]
    np.testing.assert_allclose(got, reference, rtol=1e-6)
    assert data["parameters"] == ["a", "b", "c"]


@pytest.mark.parametrize(("body", "words"), [
    ({"model": "exp(-x)", "dataset": "danwood"}, "no parameters"),
    ({"model": "a*(x", "dataset": "danwood"}, "could not be read"),
    ({"model": "a+b+c+d+f+g+h*x", "dataset": "misra1a"}, "At most 6"),
])
def test_bad_models_get_specific_messages(client, body, words):
    response = post(client, "nonlinear-fit", body)
    assert response.status_code == 422 and words in response.json()["detail"]


def test_heights_descent_path_is_the_assignments_steepest_descent(client):
    data = post(client, "heights-fit", {}).json()
    x, y = heights_histogram()
    mu, sig = 155.0, 6.0
    for step in range(50):  # the course's update, written out directly
        f = np.exp(-((x - mu) ** 2) / (2 * sig**2)) / (np.sqrt(2 * np.pi) * sig)
        dfdmu = f * (x - mu) / sig**2
        dfdsig = f * ((x - mu) ** 2 / sig**3 - 1 / sig)
        jacobian = np.array([-2 * (y - f) @ dfdmu, -2 * (y - f) @ dfdsig])
        assert data["path"][step][:2] == pytest.approx([mu, sig], rel=1e-9)
        assert data["path"][step][2] == pytest.approx(float((y - f) @ (y - f)), rel=1e-9)
        mu, sig = np.array([mu, sig]) - 2000 * jacobian
    assert len(data["path"]) == 51 and len(data["curves"]) == 51
    assert len(data["grid_chi2"]) == len(data["grid_sig"])
    assert len(data["grid_chi2"][0]) == len(data["grid_mu"])
