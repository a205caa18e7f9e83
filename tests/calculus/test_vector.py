"""Gradient, Jacobian, Hessian and the chain rule, each against SymPy's own matrices."""

from __future__ import annotations

import pytest
import sympy as sp

from nablalab.calculus import chain_rule, gradient, hessian, jacobian, total_derivative
from nablalab.mathinput import parse, symbols

x, y, z, t, r, th, ph = symbols("x, y, z, t, r, theta, phi")


def test_gradient_matches_sympy_and_evaluates() -> None:
    f = parse("x^2 y + e^(x y)").expr
    answer = gradient(f, at="x=1,y=0")
    assert answer.result == sp.Matrix([sp.diff(f, x), sp.diff(f, y)]).applyfunc(sp.factor_terms)
    assert answer.value == sp.Matrix([0, 2])
    assert answer.to_dict()["decimal"] == [[0.0], [2.0]]


def test_jacobian_spherical_to_cartesian() -> None:
    comps = ["r sin(theta) cos(phi)", "r sin(theta) sin(phi)", "r cos(theta)"]
    answer = jacobian(comps, variables="r, theta, phi")
    exprs = sp.Matrix([parse(c).expr for c in comps])
    assert (answer.result - exprs.jacobian([r, th, ph])).applyfunc(sp.simplify).is_zero_matrix
    assert sp.simplify(answer.result.det() - r**2 * sp.sin(th)) == 0


def test_jacobian_from_bracket_text() -> None:
    answer = jacobian("[x^2 y, sin(x) + y]", variables="x,y")
    assert answer.result == sp.Matrix([[2 * x * y, x**2], [sp.cos(x), 1]])


@pytest.mark.parametrize("text", ["x^3 y + x + 2y", "x e^y + y^2 cos z", "sin(pi x - x^2 y)"])
def test_hessian_matches_sympy_and_is_symmetric(text: str) -> None:
    f = parse(text).expr
    xs = sorted(f.free_symbols, key=str)
    answer = hessian(f)
    assert (answer.result - sp.hessian(f, xs)).applyfunc(sp.simplify).is_zero_matrix
    assert answer.result == answer.result.T


def test_hessian_course_question_at_point() -> None:
    answer = hessian("sin(pi x - x^2 y)", at="x=1,y=pi")
    assert answer.value == sp.Matrix([[-2 * sp.pi, -2], [-2, 0]])


@pytest.mark.parametrize(
    ("text", "kind"),
    [("x^2 + y^2", "minimum"), ("-x^2 - 3y^2 + x y", "maximum"), ("x^2 - y^2", "saddle"),
     ("x^4 + y^4", "inconclusive"), ("x^2 + y", "not stationary")],
)
def test_stationary_point_classification(text: str, kind: str) -> None:
    answer = hessian(text, at="x=0,y=0")
    assert answer.extra["classification"] == kind
    assert answer.steps[-1].rule == "classify"


def test_chain_rule_matrix_form_equals_direct_derivative() -> None:
    answer = chain_rule("x^2 y + sin(y)", {"x": "cos t", "y": "t^2"})
    direct = sp.diff((sp.cos(t)) ** 2 * t**2 + sp.sin(t**2), t)
    assert sp.simplify(answer.result - direct) == 0
    assert answer.extra["factors"] == ["Matrix([[2*x*y, x**2 + cos(y)]])",
                                       "Matrix([[-sin(t)], [2*t]])"]


def test_two_level_chain_and_total_derivative() -> None:
    answer = chain_rule("x^2 y", [{"x": "u v", "y": "u + v"}, {"u": "t", "v": "t^2"}])
    assert sp.expand(answer.result - sp.diff(t**6 * (t + t**2), t)) == 0
    total = total_derivative("x y + t", {"x": "t^2", "y": "e^t"}, at="t=0")
    assert total.value == 1


def test_vector_chain_rule_gives_matrix() -> None:
    answer = chain_rule(["x y", "x + y"], {"x": "s t", "y": "s - t"}, wrt="s,t")
    s = symbols("s")[0]
    composed = sp.Matrix([s * t * (s - t), s * t + s - t])
    assert (answer.result - composed.jacobian([s, t])).applyfunc(sp.expand).is_zero_matrix


def test_no_step_repeated_across_jacobian_entries() -> None:
    answer = jacobian(["sin(x y)", "sin(x y) + x"], variables="x,y")
    steps = [s for top in answer.steps for s in top.walk()]
    keys = [(s.rule, s.expression, s.result) for s in steps]
    assert len(keys) == len(set(keys))
    assert [s.rule for s in steps].count("earlier result") == 3
