"""``fit``: a model typed as text, checked against SciPy, with the errors a learner meets."""

from __future__ import annotations

import json

import numpy as np
import pytest
import scipy.optimize
import sympy as sp

from nablalab.mathinput import MathInputError
from nablalab.numeric.result import Status
from nablalab.regression import ModelError, fit, linfit

RNG = np.random.default_rng(5)
X = np.linspace(0.0, 4.0, 40)
Y = 3.0 * np.exp(-0.8 * X) + 0.5 + RNG.normal(0, 0.02, X.size)
SIGMA = np.linspace(0.01, 0.05, X.size)
DECAY = "a*exp(-k*x) + c"


def decay(x, a, k, c):
    return a * np.exp(-k * x) + c


def test_weighted_fit_matches_curve_fit_with_absolute_sigma() -> None:
    result = fit(DECAY, X, Y, {"a": 1.0, "k": 1.0, "c": 0.0}, sigma=SIGMA)
    popt, pcov = scipy.optimize.curve_fit(decay, X, Y, p0=[1, 1, 0], sigma=SIGMA,
                                          absolute_sigma=True, xtol=1e-15, ftol=1e-15)
    assert result.success
    np.testing.assert_allclose(result.x, popt, rtol=1e-8)
    np.testing.assert_allclose(result.covariance, pcov, rtol=1e-6)
    np.testing.assert_allclose(list(result.stderr.values()), np.sqrt(np.diag(pcov)), rtol=1e-6)
    assert result.chi2 == pytest.approx(np.sum(((Y - decay(X, *popt)) / SIGMA) ** 2), rel=1e-10)
    assert result.fun == result.chi2
    assert result.dof == X.size - 3


def test_unweighted_fit_scales_the_covariance_like_curve_fit() -> None:
    result = fit(DECAY, X, Y, {"a": 1.0, "k": 1.0, "c": 0.0})
    popt, pcov = scipy.optimize.curve_fit(decay, X, Y, p0=[1, 1, 0], xtol=1e-15, ftol=1e-15)
    np.testing.assert_allclose(result.x, popt, rtol=1e-8)
    np.testing.assert_allclose(result.covariance, pcov, rtol=1e-6)
    np.testing.assert_allclose(result.residuals, Y - decay(X, *popt), atol=1e-9)
    np.testing.assert_allclose(result.jacobian[:, 0], np.exp(-popt[1] * X), rtol=1e-7)


@pytest.mark.parametrize("method", ["lm", "gn"])
def test_methods_agree_and_record_their_iterations(method: str) -> None:
    result = fit(DECAY, X, Y, {"a": 2.0, "k": 0.5, "c": 0.0}, method=method)
    reference = fit(DECAY, X, Y, {"a": 2.0, "k": 0.5, "c": 0.0}, method="lm")
    assert result.success, result.message
    np.testing.assert_allclose(result.x, reference.x, rtol=1e-9)
    first, last = result.history[0], result.history[-1]
    assert first["params"] == {"a": 2.0, "k": 0.5, "c": 0.0}
    assert last["fun"] < first["fun"]
    assert ("lambda" if method == "lm" else "t") in last


def test_course_gaussian_by_steepest_descent() -> None:
    """The programming assignment: a Gaussian on a height histogram, from μ=155, σ=6,
    50 steps of aggression 2000, as the learner's steepest_step does."""
    heights = np.random.default_rng(1).normal(170, 6.5, 2000)
    density, edges = np.histogram(heights, bins=np.linspace(51.25, 298.75, 100), density=True)
    centres = (edges[:-1] + edges[1:]) / 2
    gaussian = "exp(-(x - mu)^2/(2*sigma^2))/(sigma*sqrt(2*pi))"
    start = {"mu": 155.0, "sigma": 6.0}
    descent = fit(gaussian, centres, density, start, method="gd", rate=2000, max_iter=50)
    best = fit(gaussian, centres, density, start)
    chi2 = [entry["fun"] for entry in descent.history]
    assert chi2[-1] < chi2[0] / 100
    assert len(descent.history) <= 51
    assert descent.params["mu"] == pytest.approx(best.params["mu"], rel=1e-4)
    assert descent.params["sigma"] == pytest.approx(best.params["sigma"], rel=1e-3)


def test_straight_line_fit_agrees_with_linfit() -> None:
    x = np.arange(10.0)
    y = 0.3 * x - 2 + RNG.normal(0, 0.1, x.size)
    line = linfit(x, y)
    result = fit("m*x + c", x, y, {"m": 0.0, "c": 0.0})
    np.testing.assert_allclose(result.x, line.x, rtol=1e-12)
    np.testing.assert_allclose(result.covariance, line.covariance, rtol=1e-8)


def test_several_independent_variables_and_long_names() -> None:
    t = np.linspace(0, 1, 15)
    u = np.cos(5 * t)
    y = 2.0 * np.exp(-t / 0.4) + 0.3 * u
    result = fit("amp*exp(-t/tau) + w*u", {"t": t, "u": u}, y,
                 {"amp": 1.0, "tau": 1.0, "w": 0.0}, independent=("t", "u"))
    assert result.success
    np.testing.assert_allclose(result.x, [2.0, 0.4, 0.3], rtol=1e-10)


def test_sympy_model_is_accepted_and_result_is_json_ready() -> None:
    a, k, c, x = sp.symbols("a k c x", real=True)
    result = fit(a * sp.exp(-k * x) + c, X, Y, {"a": 1.0, "k": 1.0, "c": 0.0})
    assert result.success
    payload = json.loads(json.dumps(result.to_dict()))
    assert payload["status"] == "converged"
    assert set(payload["params"]) == {"a", "k", "c"}
    assert len(payload["history"]) == result.nit + 1


def test_undefined_start_is_a_status_not_a_crash() -> None:
    result = fit("a*log(k*x)", X + 1, Y, {"a": 1.0, "k": -1.0})
    assert result.status is Status.LEFT_DOMAIN
    assert not result.success


@pytest.mark.parametrize(
    ("model", "p0", "error", "match"),
    [
        ("a*exp(-k*x) + c", {"a": 1.0, "k": 1.0}, ModelError, "c.*p0"),
        ("a*exp(-k*x)", {"a": 1.0, "k": 1.0, "q": 2.0}, ModelError, "q.*does not use"),
        ("a*exp(-k*x", {"a": 1.0, "k": 1.0}, MathInputError, "never closed"),
        ("y = a*x", {"a": 1.0}, ModelError, "right-hand side"),
        ("a*x", {"a": 1.0, "x": 2.0}, ModelError, "independent variable"),
    ],
)
def test_model_mistakes_get_actionable_errors(model, p0, error, match) -> None:
    with pytest.raises(error, match=match):
        fit(model, X, Y, p0)


def test_call_mistakes_get_actionable_errors() -> None:
    with pytest.raises(ValueError, match="choose one of"):
        fit(DECAY, X, Y, {"a": 1.0, "k": 1.0, "c": 0.0}, method="newton")
    with pytest.raises(ValueError, match="rate"):
        fit(DECAY, X, Y, {"a": 1.0, "k": 1.0, "c": 0.0}, method="gd")
    with pytest.raises(ValueError, match="one y per x"):
        fit(DECAY, X[:-1], Y, {"a": 1.0, "k": 1.0, "c": 0.0})
    with pytest.raises(ValueError, match="dict"):
        fit("a*t + u", np.ones((2, 5)), np.ones(5), {"a": 1.0}, independent=("t", "u"))


def test_undetermined_parameters_are_flagged() -> None:
    # Only the product a·k is determined by a line through the origin.
    x = np.arange(1.0, 8.0)
    result = fit("a*k*x", x, 2.0 * x + RNG.normal(0, 0.01, x.size), {"a": 1.0, "k": 1.0})
    assert result.success
    assert result.params["a"] * result.params["k"] == pytest.approx(2.0, rel=1e-2)
    assert np.isinf(result.stderr["a"])
    assert "do not determine" in result.message


def test_weighted_fit_reports_plain_rss_beside_chi2() -> None:
    result = fit(DECAY, X, Y, {"a": 1.0, "k": 1.0, "c": 0.0}, sigma=SIGMA)
    assert result.rss == pytest.approx(np.sum(result.residuals**2), rel=1e-12)
    assert result.chi2 == pytest.approx(np.sum((result.residuals / SIGMA) ** 2), rel=1e-12)
