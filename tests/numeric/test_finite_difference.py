"""Finite differences against exact derivatives: accuracy orders, steps and the V-shape."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from nablalab.numeric import finite_difference as fd

X = sp.Symbol("x")
# The course's Module 1 examples, with the points it asks for.
CASES = [
    (X ** sp.Rational(3, 2) + sp.pi * X**2 + sp.sqrt(7), 2.0),
    (sp.sin(X) * sp.exp(sp.cos(X)), float(np.pi)),
    (sp.exp(X**2 - 3), 1.2),
    (X * sp.exp(X) * sp.cos(X), 0.7),
]
# Relative accuracy each method reaches with its default step.
ACCURACY = {"forward": 1e-6, "backward": 1e-6, "central": 1e-9, "five-point": 1e-11}


@pytest.mark.parametrize("method", fd.METHODS)
@pytest.mark.parametrize(("expr", "point"), CASES)
def test_derivative_with_default_step_is_accurate(method, expr, point):
    f = sp.lambdify(X, expr)
    exact = float(sp.diff(expr, X).subs(X, point))
    estimate = fd.derivative(f, point, method=method)
    assert abs(estimate - exact) <= ACCURACY[method] * max(1.0, abs(exact))


@pytest.mark.parametrize("method", fd.METHODS)
def test_truncation_error_shrinks_like_h_to_the_order(method):
    exact = np.cos(0.5)
    errors = [abs(fd.derivative(np.sin, 0.5, h, method) - exact) for h in (0.1, 0.05)]
    observed_order = np.log2(errors[0] / errors[1])
    assert observed_order == pytest.approx(fd.STENCILS[method].order, abs=0.15)


def test_error_table_shows_the_v_shape():
    table = fd.step_error_table(np.exp, 1.0, np.e, method="central")
    assert table.steps.shape == table.errors.shape == (31,)
    big = table.steps >= 1e-3
    # Large steps: truncation, falling like h² (slope 2 on the log-log plot).
    slopes = np.diff(np.log10(table.errors[big])) / np.diff(np.log10(table.steps[big]))
    assert np.all(np.abs(slopes[1:] - 2.0) < 0.1)
    # Tiny steps: rounding, growing like 1/h, far above the bottom of the V.
    assert table.errors[-1] > 1e4 * table.best_error
    assert table.errors[0] > 1e4 * table.best_error
    assert 1e-7 <= table.best_step <= 1e-3
    assert table.best_error < 1e-9
    # Theory's step lands near the measured bottom.
    assert 0.01 < table.suggested_step / table.best_step < 100
    assert table.best_error == table.errors.min()


@pytest.mark.parametrize("method", fd.METHODS)
def test_best_step_grows_with_lower_accuracy_order(method):
    table = fd.step_error_table(np.sin, 0.8, np.cos(0.8), method=method,
                                steps=np.logspace(-1, -13, 49))
    suggested = fd.default_step(0.8, method)
    assert 0.01 < table.best_step / suggested < 100


def test_error_table_of_an_array_valued_function_uses_largest_error():
    f = lambda t: np.array([np.sin(t), t**3])  # noqa: E731
    table = fd.step_error_table(f, 1.0, [np.cos(1.0), 3.0], steps=[1e-1, 1e-3])
    assert table.estimates.shape == (2, 2)
    assert table.errors[0] == pytest.approx(max(abs(table.estimates[0] - [np.cos(1.0), 3.0])))


def test_gradient_and_jacobian_of_spherical_coordinates_match_sympy():
    r, theta, phi = sp.symbols("r theta phi")
    cartesian = sp.Matrix([r * sp.sin(theta) * sp.cos(phi), r * sp.sin(theta) * sp.sin(phi),
                           r * sp.cos(theta)])
    f = sp.lambdify([(r, theta, phi)], list(cartesian))
    exact = np.array(sp.lambdify((r, theta, phi), cartesian.jacobian([r, theta, phi]))(
        2.0, 0.7, -1.1), dtype=float)
    for method in fd.METHODS:
        estimate = fd.jacobian(f, [2.0, 0.7, -1.1], method=method)
        np.testing.assert_allclose(estimate, exact, atol=10 * ACCURACY[method])
    radius = lambda v: np.sqrt(v @ v)  # noqa: E731
    v = np.array([3.0, -4.0, 12.0])
    np.testing.assert_allclose(fd.gradient(radius, v), v / 13.0, rtol=1e-9)


@pytest.mark.parametrize(
    ("build", "point"),
    [
        (lambda x, y, z, lib: x**3 * y + x + 2 * y, (1.5, -2.0, 0.0)),
        (lambda x, y, z, lib: x * lib.exp(y) + y**2 * lib.cos(z), (0.3, 1.1, 2.0)),
    ],
)
@pytest.mark.parametrize(("method", "tolerance"),
                         [("forward", 1e-3), ("backward", 1e-3), ("central", 1e-6),
                          ("five-point", 1e-8)])
def test_hessian_matches_sympy(build, point, method, tolerance):
    symbols = sp.symbols("x y z")
    exact = np.array(sp.hessian(build(*symbols, sp), symbols).subs(
        dict(zip(symbols, point, strict=True))), dtype=float)
    estimate = fd.hessian(lambda v: build(v[0], v[1], v[2], np), point, method=method)
    np.testing.assert_allclose(estimate, estimate.T)
    np.testing.assert_allclose(estimate, exact, atol=tolerance * max(1.0, np.abs(exact).max()))


def test_one_sided_stencils_evaluate_f_at_x_only_once():
    calls = []

    def f(v):
        calls.append(v.copy())
        return float(v @ v)

    fd.gradient(f, np.ones(4), method="forward")
    assert len(calls) == 5
    calls.clear()
    fd.gradient(f, np.ones(4), method="five-point")
    assert len(calls) == 16


def test_explicit_steps_per_coordinate():
    f = lambda v: v[0] ** 2 + v[1] ** 2  # noqa: E731
    estimate = fd.gradient(f, [1.0, 1.0], h=[0.5, 0.25], method="forward")
    np.testing.assert_allclose(estimate, [2.5, 2.25])


def test_bad_input_is_explained():
    with pytest.raises(ValueError, match="forward"):
        fd.derivative(np.sin, 1.0, method="sideways")
    with pytest.raises(ValueError, match="positive"):
        fd.derivative(np.sin, 1.0, h=0.0)
    with pytest.raises(ValueError, match="positive"):
        fd.step_error_table(np.sin, 1.0, np.cos(1.0), steps=[1e-3, -1e-3])
    with pytest.raises(ValueError, match="1-D"):
        fd.gradient(lambda v: v.sum(), np.ones((2, 2)))
    with pytest.raises(ValueError, match="jacobian"):
        fd.gradient(lambda v: v, np.ones(2))
