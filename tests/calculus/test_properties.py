"""Property test: on random expression trees our derivative always equals SymPy's ``diff``.

Trees mix every rule (sums, products, quotients, powers, f^g, a^f and all the elementary
functions nested inside each other), so the rule engine meets combinations no hand-written
case lists. Runs are derandomised so the suite is reproducible.
"""

from __future__ import annotations

import sympy as sp
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from nablalab.calculus import differentiate
from nablalab.mathinput import symbols
from tests.calculus.equality import assert_equal_to

x, y = symbols("x, y")

UNARY = [sp.sin, sp.cos, sp.tan, sp.cot, sp.sec, sp.csc, sp.exp, sp.log, sp.sqrt, sp.asin,
         sp.acos, sp.atan, sp.acot, sp.asec, sp.acsc, sp.sinh, sp.cosh, sp.tanh, sp.coth,
         sp.sech, sp.csch, sp.asinh, sp.acosh, sp.atanh, sp.acoth, sp.asech, sp.acsch]
CONSTANTS = [sp.Integer(2), sp.Integer(3), sp.Integer(-1), sp.Rational(1, 2), sp.pi]
EXPONENTS = [sp.Integer(2), sp.Integer(3), sp.Integer(-1), sp.Integer(-2), sp.Rational(1, 2),
             sp.Rational(-3, 2), sp.Rational(1, 3)]


def trees(variables: list[sp.Symbol]) -> st.SearchStrategy[sp.Expr]:
    leaves = st.sampled_from(variables + CONSTANTS)

    def extend(children: st.SearchStrategy[sp.Expr]) -> st.SearchStrategy[sp.Expr]:
        return st.one_of(
            st.tuples(st.sampled_from(UNARY), children).map(lambda p: p[0](p[1])),
            st.tuples(children, children).map(lambda p: p[0] + p[1]),
            st.tuples(children, children).map(lambda p: p[0] * p[1]),
            st.tuples(children, children).map(lambda p: p[0] / p[1]),
            st.tuples(children, st.sampled_from(EXPONENTS)).map(lambda p: p[0] ** p[1]),
            st.tuples(st.sampled_from(CONSTANTS[:2]), children).map(lambda p: p[0] ** p[1]),
            st.tuples(children, children).map(lambda p: p[0] ** p[1]),
            st.tuples(st.sampled_from(CONSTANTS), children).map(lambda p: p[0] * p[1]),
        )

    return st.recursive(leaves, extend, max_leaves=6)


def _usable(expr: sp.Expr) -> bool:
    return not expr.has(sp.zoo, sp.nan, sp.oo, -sp.oo) and sp.count_ops(expr) < 40


SETTINGS = {"deadline": None, "derandomize": True, "database": None,
            "suppress_health_check": [HealthCheck.too_slow, HealthCheck.filter_too_much]}


@settings(max_examples=2000, **SETTINGS)
@given(trees([x]))
def test_one_variable_matches_sympy(expr: sp.Expr) -> None:
    assume(_usable(expr))
    ours = differentiate(expr, wrt="x").result
    assert_equal_to(ours, sp.diff(expr, x), [x])


@settings(max_examples=800, **SETTINGS)
@given(trees([x, y]), st.sampled_from(["x", "y"]))
def test_partial_derivative_matches_sympy(expr: sp.Expr, wrt: str) -> None:
    assume(_usable(expr))
    var = x if wrt == "x" else y
    ours = differentiate(expr, wrt=wrt).result
    assert_equal_to(ours, sp.diff(expr, var), [x, y])


@settings(max_examples=250, **SETTINGS)
@given(trees([x, y]))
def test_mixed_second_derivative_matches_sympy(expr: sp.Expr) -> None:
    assume(_usable(expr) and sp.count_ops(expr) < 20)
    ours = differentiate(expr, wrt=["x", "y"]).result
    assert_equal_to(ours, sp.diff(expr, x, y), [x, y])


@settings(max_examples=300, **SETTINGS)
@given(trees([x]))
def test_no_step_is_repeated(expr: sp.Expr) -> None:
    assume(_usable(expr))
    steps = [s for top in differentiate(expr, wrt="x").steps for s in top.walk()]
    keys = [(s.rule, s.expression, s.result) for s in steps]
    assert len(keys) == len(set(keys))
