"""Linear least squares against SciPy and NumPy, and where QR beats the normal equations."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.optimize
import scipy.stats
from hypothesis import given, settings
from hypothesis import strategies as st

from nablalab.numeric.result import Status
from nablalab.regression import linfit, lstsq

RNG = np.random.default_rng(20240611)


def noisy_line(m: float, c: float, n: int = 30, noise: float = 0.5):
    x = np.linspace(-3.0, 7.0, n)
    return x, m * x + c + RNG.normal(0.0, noise, n)


def test_linfit_matches_linregress() -> None:
    x, y = noisy_line(2.5, -1.0)
    result = linfit(x, y)
    reference = scipy.stats.linregress(x, y)
    assert result.success
    assert result.params["m"] == pytest.approx(reference.slope, rel=1e-12)
    assert result.params["c"] == pytest.approx(reference.intercept, rel=1e-12)
    assert result.stderr["m"] == pytest.approx(reference.stderr, rel=1e-10)
    assert result.stderr["c"] == pytest.approx(reference.intercept_stderr, rel=1e-10)
    fitted = reference.slope * x + reference.intercept
    assert result.chi2 == pytest.approx(np.sum((y - fitted) ** 2))


def test_linfit_covariance_matches_polyfit_without_sigma() -> None:
    x, y = noisy_line(-0.7, 3.0)
    coefficients, covariance = np.polyfit(x, y, 1, cov=True)
    result = linfit(x, y)
    np.testing.assert_allclose(result.x, coefficients, rtol=1e-12)
    np.testing.assert_allclose(result.covariance, covariance, rtol=1e-9)


def test_weighted_linfit_matches_curve_fit_with_absolute_sigma() -> None:
    x, y = noisy_line(1.3, 0.4, n=12)
    sigma = np.linspace(0.1, 2.0, x.size)
    result = linfit(x, y, sigma)
    popt, pcov = scipy.optimize.curve_fit(lambda t, m, c: m * t + c, x, y, sigma=sigma,
                                          absolute_sigma=True)
    np.testing.assert_allclose(result.x, popt, rtol=1e-8)
    np.testing.assert_allclose(result.covariance, pcov, rtol=1e-6)
    # χ² as the course defines it: Σ (yᵢ − (m xᵢ + c))² / σᵢ²
    expected = np.sum((y - result.params["m"] * x - result.params["c"]) ** 2 / sigma**2)
    assert result.chi2 == pytest.approx(expected, rel=1e-12)
    assert result.fun == result.chi2


@settings(max_examples=40, deadline=None)
@given(
    slope=st.floats(-50, 50), intercept=st.floats(-50, 50),
    seed=st.integers(0, 2**31), n=st.integers(3, 40),
)
def test_linfit_agrees_with_linregress_on_random_data(slope, intercept, seed, n) -> None:
    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(-10, 10, n))
    y = slope * x + intercept + rng.normal(0, 1, n)
    reference = scipy.stats.linregress(x, y)
    result = linfit(x, y)
    assert result.params["m"] == pytest.approx(reference.slope, rel=1e-9, abs=1e-9)
    assert result.params["c"] == pytest.approx(reference.intercept, rel=1e-9, abs=1e-9)


def test_exact_line_through_five_points_by_hand() -> None:
    # The course's "m and c by hand": y = 2x + 1 exactly, so χ² = 0 and the errors vanish.
    result = linfit([0, 1, 2, 3, 4], [1, 3, 5, 7, 9])
    assert result.params["m"] == pytest.approx(2.0)
    assert result.params["c"] == pytest.approx(1.0)
    assert result.chi2 == pytest.approx(0.0, abs=1e-24)


def test_design_matrix_fit_matches_numpy_lstsq() -> None:
    x = np.linspace(0, 1, 25)
    design = np.column_stack([np.ones_like(x), np.sin(3 * x), np.exp(x)])
    y = design @ [0.5, -2.0, 1.5] + RNG.normal(0, 0.01, x.size)
    result = lstsq(design, y, names=["a", "b", "c"])
    reference = np.linalg.lstsq(design, y, rcond=None)[0]
    np.testing.assert_allclose(result.x, reference, rtol=1e-10)
    assert set(result.params) == {"a", "b", "c"}
    np.testing.assert_allclose(result.residuals, y - design @ reference, atol=1e-12)


def test_qr_keeps_digits_the_normal_equations_lose() -> None:
    # A degree-6 polynomial in x ∈ [2, 4]: cond(A) ≈ 1e8, so cond(AᵀA) ≈ 1e16 ≈ 1/eps.
    x = np.linspace(2.0, 4.0, 40)
    design = np.vander(x, 7, increasing=True)
    truth = (-0.5) ** np.arange(7)
    y = design @ truth
    qr_error = np.max(np.abs(lstsq(design, y).x - truth))
    normal = np.linalg.solve(design.T @ design, design.T @ y)
    normal_error = np.max(np.abs(normal - truth))
    assert qr_error < 1e-8
    assert normal_error > 1000 * qr_error


def test_dependent_columns_are_reported_not_solved() -> None:
    x = np.arange(6.0)
    result = lstsq(np.column_stack([x, 2 * x, np.ones_like(x)]), x + 1)
    assert result.status is Status.SINGULAR
    assert "linearly dependent" in result.message
    assert linfit([2, 2, 2], [1, 2, 3]).status is Status.SINGULAR


@pytest.mark.parametrize(
    ("x", "y", "sigma", "message"),
    [
        ([1, 2, 3], [1, 2], None, "one y per x"),
        ([1, 2, 3], [1, np.nan, 2], None, "missing or infinite"),
        ([1, 2, 3], [1, 2, 3], [1, 0, 1], "positive"),
        ([1], [1], None, "at least two"),
    ],
)
def test_bad_data_gets_an_actionable_message(x, y, sigma, message) -> None:
    with pytest.raises(ValueError, match=message):
        linfit(x, y, sigma)
