"""Several variables: gradient, Hessian, higher tensors, linearisation error O(Δx²)."""

import json

import numpy as np
import pytest
import sympy as sp

from nablalab.taylor import linearise, taylor_multivariate

x, y, z = sp.symbols("x y z", real=True)


def test_course_first_order_expansion_about_minus_one_two():
    f = x * y**2 * sp.exp(-(x**4) - y**2 / 2)
    lin = linearise(f, (-1, 2))
    e3 = sp.exp(-3)
    expected = -4 * e3 - 12 * e3 * (x + 1) + 4 * e3 * (y - 2)
    assert sp.simplify(lin.polynomial - expected) == 0
    assert lin.gradient == sp.Matrix([-12 * e3, 4 * e3])


def test_course_hessian_of_sin_pi_x_minus_x_squared_y():
    expansion = taylor_multivariate(sp.sin(sp.pi * x - x**2 * y), (1, sp.pi), 2)
    assert expansion.hessian == sp.Matrix([[-2 * sp.pi, -2], [-2, 0]])
    assert expansion.hessian == sp.hessian(sp.sin(sp.pi * x - x**2 * y), (x, y)).subs(
        {x: 1, y: sp.pi})


@pytest.mark.parametrize("order", [2, 3, 4])
def test_matches_one_variable_series_along_a_line(order):
    # restricted to the line p + t·u, the m-variable expansion is the 1-D series in t
    f = sp.exp(x) * sp.sin(y) + x * y * z**2
    point, u = (sp.Rational(1, 2), 1, -1), (2, -1, 3)
    t = sp.Symbol("t")
    expansion = taylor_multivariate(f, point, order)
    line = {v: c + t * d for v, c, d in zip((x, y, z), point, u, strict=True)}
    reference = sp.series(f.subs(line), t, 0, order + 1).removeO()
    assert sp.simplify(sp.expand(expansion.polynomial.subs(line) - reference)) == 0


def test_third_derivative_tensor_is_symmetric_and_correct():
    f = x**2 * y + sp.sin(y * z)
    tensor = taylor_multivariate(f, (1, 2, 0), 3).tensors[3]
    assert tensor[0, 0, 1] == 2 and tensor[0, 1, 0] == 2 and tensor[1, 0, 0] == 2
    assert tensor[1, 2, 2] == sp.diff(f, y, z, z).subs({x: 1, y: 2, z: 0})


def test_linearisation_error_is_order_delta_squared():
    f = x * y**2 * sp.exp(-(x**4) - y**2 / 2)
    table = linearise(f, (-1, 2)).error_table(direction=(1, 1))
    reductions = [row["reduction"] for row in table.rows[-4:]]
    assert np.allclose(reductions, 4, rtol=0.05)  # halve Δx, error falls 4-fold
    scaled = [row["scaled_error"] for row in table.rows[-3:]]
    assert np.ptp(scaled) < 0.05 * np.mean(scaled)


def test_text_input_and_json():
    expansion = taylor_multivariate("x*y^2*exp(-x^4 - y^2/2)", ["-1", "2"], 2)
    data = expansion.to_dict()
    json.dumps(data)
    assert data["variables"] == ["x", "y"] and data["hessian"]["latex"]


def test_non_smooth_point_is_reported():
    with pytest.raises(ValueError, match="not smooth"):
        taylor_multivariate(sp.sqrt(x**2 + y**2), (0, 0), 1)
