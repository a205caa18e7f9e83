"""Properties that must hold for any input: polynomials are their own Taylor series,
the two radius routes agree, and the time limit really stops a computation."""

import time

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from nablalab.taylor import taylor_series
from nablalab.taylor.general_term import find_general_term
from nablalab.taylor.radius import radius_of_convergence, ratio_test_radius
from nablalab.timelimit import ComputationTimeout, call_with_timeout

x = sp.Symbol("x", real=True)
small = st.integers(min_value=-9, max_value=9)


@settings(max_examples=25, deadline=None)
@given(st.lists(small, min_size=1, max_size=6), small, st.integers(min_value=1, max_value=4))
def test_a_polynomial_is_its_own_taylor_series(coefficients, numerator, denominator):
    f = sum(c * x**k for k, c in enumerate(coefficients))
    a = sp.Rational(numerator, denominator)
    series = taylor_series(f, a, len(coefficients) - 1, with_convergence=False)
    assert sp.expand(series.polynomial - f) == 0


@pytest.mark.parametrize(
    ("f", "a"),
    [(1 / x, 4), (sp.log(x), 10), (sp.sqrt(4 - x), 0), (1 / (1 + x**2), 0), (sp.atan(x), 0),
     (1 / (1 - x) ** 2, 0), (sp.exp(x**2), 0)],
)
def test_ratio_test_agrees_with_nearest_singularity(f, a):
    general = find_general_term(f, x, sp.S(a))
    assert general is not None
    by_singularity = radius_of_convergence(f, x, sp.S(a))
    assert by_singularity.method == "singularities"
    assert sp.simplify(ratio_test_radius(general) - by_singularity.value) in (0, sp.nan)
    assert ratio_test_radius(general) == by_singularity.value


def _slow() -> int:
    time.sleep(30)
    return 1


def _fails() -> int:
    raise ZeroDivisionError("inside the child")


def test_time_limit_stops_the_computation_and_errors_come_back():
    start = time.perf_counter()
    with pytest.raises(ComputationTimeout):
        call_with_timeout(_slow, timeout=0.3)
    assert time.perf_counter() - start < 5
    with pytest.raises(ZeroDivisionError, match="inside the child"):
        call_with_timeout(_fails, timeout=5)
    assert call_with_timeout(sp.expand, (x + 1) ** 2, timeout=5) == x**2 + 2 * x + 1
