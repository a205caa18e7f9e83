"""Forward mode: dual numbers carry exact directional derivatives."""

from __future__ import annotations

import autograd
import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp

from nablalab.numeric import autodiff as ad
from nablalab.numeric.forward import Dual, jvp
from tests.numeric.programs import assert_close

X = sp.Symbol("x", real=True)
FUNCTIONS = {
    "exp": sp.exp(X), "log": sp.log(X), "sqrt": sp.sqrt(X), "abs": sp.Abs(X),
    "sin": sp.sin(X), "cos": sp.cos(X), "tan": sp.tan(X), "arcsin": sp.asin(X),
    "arccos": sp.acos(X), "arctan": sp.atan(X), "sinh": sp.sinh(X), "cosh": sp.cosh(X),
    "tanh": sp.tanh(X), "sigmoid": 1 / (1 + sp.exp(-X)), "relu": sp.Max(X, 0),
}


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_each_function_matches_sympy_derivative(name):
    points = [0.2, 0.45, 0.8]
    expr = FUNCTIONS[name]
    for build in (lambda d: getattr(d, name)(), lambda d: getattr(ad, name)(d)):
        out = build(Dual(points, [1.0, 2.0, -1.0]))
        for k, (point, direction) in enumerate(zip(points, [1.0, 2.0, -1.0], strict=True)):
            assert out.value[k] == pytest.approx(float(expr.subs(X, point)), rel=1e-14)
            slope = float(sp.diff(expr, X).subs(X, point))
            assert out.tangent[k] == pytest.approx(direction * slope, rel=1e-13)


def test_course_chain_rule_examples():
    # f(x) = sin(x) e^(cos x): f'(π) = −e^(−1)
    _, slope = jvp(lambda x: ad.sin(x) * ad.exp(ad.cos(x)), np.pi, 1.0)
    assert slope == pytest.approx(-np.exp(-1.0), rel=1e-14)
    # f(x) = x^(3/2) + π x² + √7: f'(2) = 1.5 √2 + 4π
    _, slope = jvp(lambda x: x**1.5 + np.pi * x**2 + np.sqrt(7.0), 2.0, 1.0)
    assert slope == pytest.approx(1.5 * np.sqrt(2.0) + 4 * np.pi, rel=1e-14)


def test_jvp_of_vector_function_matches_autograd():
    m = np.random.default_rng(1).standard_normal((3, 4))

    def f(lib, x):
        h = lib.tanh(m @ x + 0.5)
        return lib.softmax(h * x[:3]) / (1.0 + x[1] ** 2) + (2.0 ** x[0]) * h

    x = np.array([0.3, -0.5, 1.2, 0.7])
    v = np.array([1.0, -2.0, 0.5, 0.25])
    softmax = lambda z: anp.exp(z) / anp.sum(anp.exp(z))  # noqa: E731
    lib = type("Lib", (), {"tanh": staticmethod(anp.tanh), "softmax": staticmethod(softmax)})
    value, tangent = jvp(lambda y: f(ad, y), x, v)
    assert_close(value, f(lib, x))
    assert_close(tangent, autograd.jacobian(lambda y: f(lib, y))(x) @ v)


def test_dual_powers_quotients_and_matrix_products():
    a, b = Dual(2.0, 1.0), Dual(3.0, 0.5)
    assert (a**b).tangent == pytest.approx(3 * 2**2 * 1.0 + 8 * np.log(2) * 0.5)
    assert (2.0**a).tangent == pytest.approx(4 * np.log(2))
    assert (1.0 / a).tangent == pytest.approx(-0.25)
    assert (a / b).tangent == pytest.approx((1.0 * 3 - 2 * 0.5) / 9)
    assert (5.0 - a).tangent == -1.0
    m = np.array([[1.0, 2.0], [3.0, 4.0]])
    v = Dual([1.0, -1.0], [0.5, 2.0])
    np.testing.assert_allclose((m @ v).tangent, m @ [0.5, 2.0])
    np.testing.assert_allclose((v @ m).tangent, [0.5, 2.0] @ m)
    np.testing.assert_allclose((v @ v).tangent, 2 * (0.5 - 2.0))


def test_constant_broadcasting_and_reductions_keep_tangent_shapes():
    x = Dual([1.0, 2.0], [1.0, 0.0])
    out = np.ones((3, 2)) + x
    assert out.tangent.shape == (3, 2)
    np.testing.assert_allclose(out.sum(axis=0).tangent, [3.0, 0.0])
    np.testing.assert_allclose(out.mean().tangent, 0.5)
    np.testing.assert_allclose(out.T.reshape(-1)[:3].tangent, [1.0, 1.0, 1.0])
    np.testing.assert_allclose((np.ones((3, 2)) - x).tangent, -np.ones((3, 2)) * [1.0, 0.0])


def test_sympy_lambdify_numpy_code_runs_on_duals():
    # What a learner's model becomes through SymPy's numpy printer.
    a, b, t = sp.symbols("a b t")
    model = sp.lambdify((a, b, t), a * sp.exp(-b * t) + sp.sin(a * t) / (1 + b**2), "numpy")
    data = np.linspace(0.0, 2.0, 5)
    _, tangent = jvp(lambda p: model(p[0], p[1], data), [1.5, 0.4], [0.0, 1.0])
    exact = sp.lambdify((a, b, t), sp.diff(a * sp.exp(-b * t) + sp.sin(a * t) / (1 + b**2), b))
    np.testing.assert_allclose(tangent, exact(1.5, 0.4, data), rtol=1e-13)


def test_stack_of_duals_and_constants():
    p = Dual([2.0, 3.0], [1.0, 0.0])
    out = ad.stack([p[0] * p[1], 7.0])
    np.testing.assert_allclose(out.value, [6.0, 7.0])
    np.testing.assert_allclose(out.tangent, [3.0, 0.0])


def test_shape_errors():
    with pytest.raises(ValueError, match="shape"):
        Dual([1.0, 2.0], [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="shape"):
        jvp(lambda x: x, [1.0, 2.0], [1.0])
