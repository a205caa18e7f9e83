"""The equivalence policy (agree wherever both are defined) and the numeric method."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp

from nablalab.assess import Verdict, compare
from nablalab.assess.realeval import Undefined, Unreliable, Unsupported, compile_real
from nablalab.mathinput import parse, symbols

x, y = symbols("x, y")


def verdict(a: str, b: str) -> Verdict:
    return compare(parse(a).expr, parse(b).expr).verdict


@pytest.mark.parametrize(("a", "b"), [
    ("(x^2-1)/(x-1)", "x+1"),            # removable singularity: equal where both defined
    ("log(x^2)", "2 log(x)"),             # policy: 2 log x exists only for x > 0, where they agree
    ("sqrt(x) sqrt(y)", "sqrt(x y)"),     # both roots real only for x, y >= 0
    ("abs(x)/x", "sign(x)"),
    ("x sign(x)", "abs(x)"),
    ("acot(x)", "atan(1/x)"),
    ("e^(1000x) e^(-999x)", "e^x"),
    ("sin(x)^2", "(1 - cos(2x))/2"),
    ("x^(1/3) x^(2/3)", "x"),             # principal roots: both sides on x > 0
])
def test_equivalent_by_the_policy(a: str, b: str) -> None:
    assert verdict(a, b) is Verdict.EQUIVALENT


@pytest.mark.parametrize(("a", "b"), [
    ("sqrt(x^2)", "x"),                   # differ for every x < 0
    ("atan(x) + atan(1/x)", "pi/2"),      # differ for every x < 0
    ("log(abs(x))", "log(x) + 1"),
    ("x", "x + 10^-8"),
    ("x^2", "x^2 + 10^-30"),              # far below float precision, still different
    ("sin(x)", "sin(x) + 10^-12 x^30"),
    ("e^x", "1 + x + x^2/2 + x^3/6"),
    ("abs(x - 5)", "x - 5"),
])
def test_different(a: str, b: str) -> None:
    assert verdict(a, b) is Verdict.DIFFERENT


def test_no_common_domain_is_reported_as_such() -> None:
    assert verdict("sqrt(-1 - x^2)", "x") is Verdict.NO_COMMON_DOMAIN
    assert verdict("log(-x^2 - 1)", "log(-x^2 - 1)") is Verdict.NO_COMMON_DOMAIN
    # Defined only at x = 1 (a set of measure zero): documented as "no common domain".
    assert verdict("asin(x) + acosh(x)", "acosh(x) + asin(x) + 1") is Verdict.NO_COMMON_DOMAIN


def test_a_witness_is_a_point_where_the_two_really_differ() -> None:
    comparison = compare(sp.sqrt(x**2), x)
    (name, value), = comparison.witness
    assert name == "x" and value < 0


def test_heavy_cancellation_is_not_mistaken_for_a_difference() -> None:
    exact = (x - 1) ** 200
    expanded = sp.expand(exact)
    assert compare(exact, expanded).equivalent
    assert not compare(exact, expanded + sp.Rational(1, 10**40)).equivalent


def test_constant_expressions() -> None:
    assert verdict("sqrt(8)", "2 sqrt(2)") is Verdict.EQUIVALENT
    assert verdict("log(8)/log(2)", "3") is Verdict.EQUIVALENT
    assert verdict("pi", "355/113") is Verdict.DIFFERENT


def test_symbolic_fallback_when_nothing_can_be_evaluated() -> None:
    f = sp.Function("f")(x)
    assert compare(f + x - x, f).verdict is Verdict.EQUIVALENT
    assert compare(f, f + 1).verdict is Verdict.UNDECIDED


# ----------------------------------------------------------- the evaluator against SymPy
FUNCTIONS = ["sin", "cos", "tan", "cot", "sec", "csc", "asin", "acos", "atan", "acot", "asec",
             "acsc", "sinh", "cosh", "tanh", "coth", "sech", "csch", "asinh", "acosh", "atanh",
             "acoth", "asech", "acsch", "exp", "ln", "abs", "sign"]


@pytest.mark.parametrize("name", FUNCTIONS)
def test_every_function_matches_sympy_where_sympy_is_real(name: str) -> None:
    expr = parse(f"{name}(x)").expr
    evaluate = compile_real(expr, [x])
    checked = 0
    for value in ("-3.7", "-1.5", "-0.6", "-0.2", "0.3", "0.55", "0.9", "1.2", "2.5", "4.1"):
        reference = expr.subs(x, sp.Float(value, 40)).evalf(40)
        with mpmath.workdps(40):
            if reference.is_real and reference.is_finite:
                got = evaluate((mpmath.mpf(value),))
                assert abs(got - mpmath.mpf(str(reference))) < mpmath.mpf(10) ** -30
                checked += 1
            else:
                with pytest.raises(Undefined):
                    evaluate((mpmath.mpf(value),))
    assert checked >= 3


def test_intermediate_values_must_be_real() -> None:
    evaluate = compile_real(sp.sqrt(x) * sp.sqrt(y), [x, y])
    with pytest.raises(Undefined):
        evaluate((mpmath.mpf(-1), mpmath.mpf(-4)))   # i * 2i = -2 is real, but not allowed
    assert evaluate((mpmath.mpf(1), mpmath.mpf(4))) == 2


def test_powers_follow_the_principal_branch_and_refuse_astronomical_sizes() -> None:
    with pytest.raises(Undefined):
        compile_real(x ** sp.Rational(1, 3), [x])((mpmath.mpf(-8),))
    assert compile_real(x**3, [x])((mpmath.mpf(-2),)) == -8
    with pytest.raises(Unreliable):
        compile_real(x ** (x ** (x**x)), [x])((mpmath.mpf(5),))
    with pytest.raises(Unreliable):
        compile_real(sp.sin(sp.exp(sp.exp(x))), [x])((mpmath.mpf(8),))


def test_unsupported_nodes_are_refused_at_compile_time() -> None:
    with pytest.raises(Unsupported):
        compile_real(sp.Derivative(sp.Function("f")(x), x), [x])
    with pytest.raises(Unsupported):
        compile_real(x + sp.oo, [x])
