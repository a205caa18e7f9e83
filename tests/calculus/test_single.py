"""``differentiate`` as a whole: orders, mixed partials, points, errors and the JSON form."""

from __future__ import annotations

import json

import pytest
import sympy as sp
from rich.console import Console

from nablalab.calculus import CalculusError, differentiate, render_steps
from nablalab.calculus.simplification import tidy
from nablalab.mathinput import MathInputError, parse, symbols

x, y = symbols("x, y")


def test_second_derivative_from_course() -> None:
    answer = differentiate("e^x + 2 sin x + x^3", order=2)
    assert sp.simplify(answer.result - (sp.exp(x) - 2 * sp.sin(x) + 6 * x)) == 0
    assert [s.rule for s in answer.steps] == ["derivative", "derivative"]
    assert answer.steps[1].explanation.startswith("Second derivative")


def test_mixed_partial_sequence_matches_sympy() -> None:
    expr = parse("x^3 y^2 + sin(x y)").expr
    answer = differentiate(expr, wrt=["x", "y"])
    assert sp.simplify(answer.result - sp.diff(expr, x, y)) == 0
    assert differentiate(expr, wrt="x,y").result == answer.result


def test_sympy_expression_input_with_plain_symbols() -> None:
    t = sp.Symbol("t")
    assert differentiate(sp.sin(t) ** 2).result == 2 * sp.sin(t) * sp.cos(t)


def test_evaluation_exact_and_decimal() -> None:
    answer = differentiate("x^2 y", wrt="y", at={"x": 3, "y": "pi"})
    assert answer.value == 9
    assert answer.decimal == pytest.approx(9.0)
    assert answer.steps[-1].rule == "evaluate"
    data = answer.to_dict()
    assert data["value"] == "9" and data["at"] == {"x": "3", "y": "pi"}


def test_to_dict_shape_and_parseable_derivative() -> None:
    data = differentiate("x e^x cos x").to_dict()
    json.dumps(data)
    assert set(data) >= {"derivative", "latex", "steps"}
    assert parse(data["derivative"].replace("**", "^")).expr.equals(
        differentiate("x e^x cos x").result)
    for step in data["steps"]:
        assert set(step) == {"rule", "expression", "result", "explanation", "latex", "substeps"}


def test_simplification_step_only_when_form_changes() -> None:
    rules = [s.rule for s in differentiate("x e^x cos x").steps]
    assert rules == ["product", "simplify"]
    assert [s.rule for s in differentiate("x^3").steps] == ["power"]


def test_simplification_respects_budget_and_size_limit() -> None:
    raw = sp.diff(x * sp.exp(x) * sp.cos(x), x)
    assert tidy(raw, budget=0.0) == raw
    huge = sp.Add(*(sp.sin(k * x) * sp.exp(x) for k in range(1, 80)))
    assert tidy(huge) is huge


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"text_or_expr": "x^2 y"}, "say which variable"),
        ({"text_or_expr": "x^2", "order": 0}, "order"),
        ({"text_or_expr": "x^2 y", "wrt": "x,y", "order": 2}, "not both"),
        ({"text_or_expr": "x^2", "wrt": "2"}, "not a variable"),
        ({"text_or_expr": "[x, x^2]"}, "Jacobian"),
        ({"text_or_expr": "x^2", "at": "x"}, "cannot read the point"),
        ({"text_or_expr": "x^2 y", "wrt": "x", "at": "x=1"}, "no value given for y"),
    ],
)
def test_helpful_errors(kwargs: dict, fragment: str) -> None:
    with pytest.raises(CalculusError) as caught:
        differentiate(**kwargs)
    assert fragment in str(caught.value)


def test_parser_errors_pass_through() -> None:
    with pytest.raises(MathInputError):
        differentiate("x^2 sin(x")


def test_render_steps_shows_rules_and_result() -> None:
    console = Console(record=True, width=120)
    render_steps(differentiate("e^(x^2 - 3)", at="x=2"), console)
    text = console.export_text()
    assert "chain" in text and "u = x^2 - 3" in text
    assert "Result: 2*x*e^(x^2 - 3)" in text and "Value:" in text
