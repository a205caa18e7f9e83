"""The compiled model: values and AD Jacobian against SymPy's own differentiation."""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
import sympy as sp

from nablalab.regression.model import Model, ModelError
from nablalab.regression.refine import compile_exact, exact_decimal

x, b1, b2, b3 = sp.symbols("x b1 b2 b3", real=True)
PARAMS = ("b1", "b2", "b3")
BETA = np.array([0.7, 1.3, 0.4])
X = np.linspace(0.5, 2.5, 9)

EXPRESSIONS = [
    b1 * (1 - sp.exp(-b2 * x)) + b3,
    sp.exp(-b1 * x) / (b2 + b3 * x),
    b1 * (b2 + x) ** (-1 / b3),  # parameter in the exponent (Bennett5)
    b1 - b2 * x - sp.atan(b3 / (x - 3)) / sp.pi,  # Roszman1's arctan and π
    b1 * sp.cos(2 * sp.pi * x / b2) + b3 * sp.sin(x / b2) + sp.tan(b3 * x / 4),
    sp.log(b1 * x) + sp.sqrt(b2 * x) + (b3 * x) ** sp.Rational(3, 2),
    2**(b1 * x) + sp.E ** b2 + b3 ** 3 / x ** 2,
    sp.sinh(b1 * x / 3) + sp.cosh(b2) * sp.tanh(b3 * x) + sp.Abs(b1 - x),
    sp.asin(b1 * x / 3) + sp.acos(b3 * x / 2) + b2,
    b1 * sp.exp(-((x - b2) ** 2) / (2 * b3**2)) / (b3 * sp.sqrt(2 * sp.pi)),
]


def _sympy_reference(expr: sp.Expr):
    symbols = [x, b1, b2, b3]
    values = sp.lambdify(symbols, expr, "numpy")
    gradient = [sp.lambdify(symbols, sp.diff(expr, s), "numpy") for s in (b1, b2, b3)]
    f = np.broadcast_to(values(X, *BETA), X.shape)
    jac = np.column_stack([np.broadcast_to(g(X, *BETA), X.shape) for g in gradient])
    return f, jac


@pytest.mark.parametrize("expr", EXPRESSIONS, ids=lambda e: str(e)[:40])
def test_values_and_jacobian_match_sympy(expr: sp.Expr) -> None:
    model = Model(expr, ("x",), PARAMS)
    f_ref, jac_ref = _sympy_reference(expr)
    np.testing.assert_allclose(model.values(BETA, {"x": X}, X.size), f_ref, rtol=1e-13)
    np.testing.assert_allclose(model.jacobian(BETA, {"x": X}, X.size), jac_ref,
                               rtol=1e-11, atol=1e-13)


def test_jacobian_of_a_model_that_ignores_x_has_a_row_per_point() -> None:
    model = Model(b1 * b2 + b3, ("x",), PARAMS)
    jac = model.jacobian(BETA, {"x": X}, X.size)
    assert jac.shape == (X.size, 3)
    np.testing.assert_allclose(jac, np.tile([BETA[1], BETA[0], 1.0], (X.size, 1)))


def test_unsupported_function_is_named() -> None:
    with pytest.raises(ModelError, match="gamma"):
        Model(sp.gamma(b1 * x) + b2 + b3, ("x",), PARAMS)


def test_exact_evaluation_agrees_and_keeps_decimal_data() -> None:
    expr = EXPRESSIONS[2]
    exact = compile_exact(expr)
    with mpmath.workdps(40):
        params = {n: mpmath.mpf(v) for n, v in zip(PARAMS, BETA, strict=True)}
        env = {"x": exact_decimal(X), **params}
        values = np.array(exact(env), dtype=float)
        assert exact_decimal(np.array([0.1]))[0] == mpmath.mpf("0.1")  # not 0.1000000000000000055
    np.testing.assert_allclose(values, Model(expr, ("x",), PARAMS).values(BETA, {"x": X}, X.size),
                               rtol=1e-14)
