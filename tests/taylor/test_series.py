"""One-variable Taylor series: the worked table, the course's examples, SymPy as reference."""

import json

import pytest
import sympy as sp

from nablalab.taylor import parity, taylor_series

x = sp.Symbol("x", real=True)


def reference(f: sp.Expr, a: sp.Expr, order: int) -> sp.Expr:
    t = sp.Symbol("t")
    return sp.series(f.subs(x, a + t), t, 0, order + 1).removeO().subs(t, x - a)


@pytest.mark.parametrize(
    ("f", "a", "order"),
    [
        (sp.exp(x**2), 0, 6),
        (1 / x, 4, 4),
        (sp.log(x), 10, 4),
        (sp.sqrt(4 - x), 0, 2),
        (sp.atan(x), 0, 7),
        (sp.sin(x) * sp.exp(x), sp.pi / 3, 3),
        (sp.sin(x) / x, 0, 4),  # removable gap: the series exists through the limit
    ],
)
def test_polynomial_matches_sympy_series(f, a, order):
    series = taylor_series(f, a, order, with_convergence=False)
    assert sp.simplify(sp.expand(series.polynomial - reference(f, sp.sympify(a), order))) == 0


def test_worked_table_for_one_over_x_about_4():
    series = taylor_series(1 / x, 4, 3, with_convergence=False)
    assert [t.derivative for t in series.terms] == [1 / x, -1 / x**2, 2 / x**3, -6 / x**4]
    assert [t.value for t in series.terms] == [
        sp.Rational(1, 4), -sp.Rational(1, 16), sp.Rational(1, 32), -sp.Rational(3, 128)
    ]
    assert [t.coefficient for t in series.terms] == [
        sp.Rational(1, 4), -sp.Rational(1, 16), sp.Rational(1, 64), -sp.Rational(1, 256)
    ]
    assert "x - 4" in str(series.polynomial)  # kept in powers of (x - 4), as by hand


def test_maclaurin_of_exp_x_squared_has_general_term_and_infinite_radius():
    series = taylor_series(sp.exp(x**2), 0, 6)
    assert sp.expand(series.polynomial) == 1 + x**2 + x**4 / 2 + x**6 / 6
    general = series.general_term
    assert general is not None
    assert sp.simplify(general.term - x ** (2 * general.index) / sp.factorial(general.index)) == 0
    assert series.radius.value is sp.oo


def test_general_term_of_one_over_one_minus_x_squared():
    general = taylor_series(1 / (1 - x) ** 2, 0, 3).general_term
    n = general.index
    assert sp.simplify(general.term - (n + 1) * x**n) == 0
    assert general.start == 0


def test_sqrt_4_minus_x_to_second_order():
    series = taylor_series(sp.sqrt(4 - x), 0, 2)
    assert sp.expand(series.polynomial) == 2 - x / 4 - x**2 / 64
    assert series.radius.value == 4


@pytest.mark.parametrize(
    ("f", "a", "radius"),
    [(1 / x, 4, 4), (sp.log(x), 10, 10), (1 / (1 + x**2), 0, 1), (sp.tan(x), 0, sp.pi / 2),
     (2 / (x**2 - x), sp.Rational(1, 4), sp.Rational(1, 4)), (sp.cos(x), 2, sp.oo)],
)
def test_radius_of_convergence(f, a, radius):
    assert sp.simplify(taylor_series(f, a, 2).radius.value) == radius


def test_text_input_goes_through_the_parser():
    series = taylor_series("ln(x)", "10", 3)
    assert sp.simplify(sp.expand(series.polynomial) - reference(sp.log(x), 10, 3)) == 0


def test_to_dict_is_json_with_latex():
    data = taylor_series(sp.exp(x**2), 0, 4).to_dict()
    json.dumps(data)
    assert data["terms"][2]["coefficient"]["text"] == "1"
    assert "latex" in data["polynomial"] and data["radius"]["float"] == float("inf")


def test_error_table_shows_order_plus_one_convergence():
    rows = taylor_series(sp.sqrt(4 - x), 0, 2, with_convergence=False).error_table().rows
    assert rows[-1]["reduction"] == pytest.approx(8, rel=0.02)  # halving d: error / 2^3


def test_bad_inputs_have_learner_messages():
    with pytest.raises(ValueError, match="one variable"):
        taylor_series(x * sp.Symbol("y"), 0, 2)
    with pytest.raises(ValueError, match="order"):
        taylor_series(sp.exp(x), 0, -1)


@pytest.mark.parametrize(
    ("f", "kind"),
    [(sp.atan(x), "odd"), (sp.cos(x), "even"), (sp.exp(x**2), "even"), (sp.exp(x), "neither"),
     (x**3 - sp.sin(x), "odd")],
)
def test_parity_matches_the_powers_in_the_maclaurin_series(f, kind):
    assert parity(f) == kind
    powers = {t.order for t in taylor_series(f, 0, 7, with_convergence=False).terms
              if t.coefficient != 0}
    if kind == "odd":
        assert all(n % 2 == 1 for n in powers)
    if kind == "even":
        assert all(n % 2 == 0 for n in powers)
