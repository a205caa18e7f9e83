"""The Lagrange remainder bound holds and is computed from the true maximum."""

import json

import numpy as np
import pytest
import sympy as sp

from nablalab.taylor import remainder_bound, taylor_series

x = sp.Symbol("x", real=True)


@pytest.mark.parametrize(
    ("f", "a", "order", "interval"),
    [
        (sp.exp(x), 0, 3, (-1, 1)),
        (sp.sin(x), 0, 5, (-1, 2)),
        (sp.log(x), 10, 2, (9, 12)),
        (sp.sqrt(4 - x), 0, 2, (-1, 1)),
        (sp.cos(3 * x) * sp.exp(x), 0, 3, (-1, 1)),
    ],
)
def test_bound_is_a_true_bound_with_the_true_maximum(f, a, order, interval):
    series = taylor_series(f, a, order, with_convergence=False)
    bound = remainder_bound(series, interval)
    assert bound.observed_max_error <= bound.bound
    # an independent dense maximum of |f^(n+1)| must not exceed the one found
    g = sp.lambdify(x, sp.diff(f, x, order + 1), "numpy")
    dense = np.max(np.abs(g(np.linspace(*map(float, interval), 200_001))))
    assert bound.max_derivative == pytest.approx(dense, rel=1e-6)


def test_exp_bound_is_e_over_24_on_unit_interval():
    bound = remainder_bound(taylor_series(sp.exp(x), 0, 3, with_convergence=False), (-1, 1))
    assert bound.bound == pytest.approx(float(sp.E) / 24)
    assert bound.argmax == pytest.approx(1.0)


def test_interior_maximum_is_found_exactly():
    # f^(6) of sin is -sin, whose modulus peaks at pi/2 inside the interval, not at an end
    bound = remainder_bound(taylor_series(sp.sin(x), 0, 5, with_convergence=False), (-1, 2))
    assert bound.exact_critical_points
    assert bound.max_derivative == pytest.approx(1.0)


def test_singularity_inside_the_interval_is_refused():
    series = taylor_series(1 / x, 4, 2, with_convergence=False)
    with pytest.raises(ValueError, match="infinite or undefined"):
        remainder_bound(series, (-1, 5))


def test_interval_must_contain_the_point():
    series = taylor_series(sp.exp(x), 0, 2, with_convergence=False)
    with pytest.raises(ValueError, match="must contain"):
        remainder_bound(series, (1, 2))


def test_to_dict_is_json_and_reports_the_safety_check():
    bound = remainder_bound(taylor_series(sp.exp(x), 0, 2, with_convergence=False), (-1, 1))
    data = bound.to_dict()
    json.dumps(data)
    assert data["verified"] is True and "xi" in data["remainder_form"]["text"]
