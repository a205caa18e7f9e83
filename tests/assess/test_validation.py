"""Answers that cannot be graded cost no attempt; hostile input never gets past the parser."""

from __future__ import annotations

import pytest

from nablalab.assess import Diagnosis, check_answer

HOSTILE = [
    "__import__('os').system('echo hacked')",
    "open('/etc/passwd').read()",
    "lambda: 0",
    "eval('1')",
    "x.__class__",
    "9^9^9^9",
    "10^10^10",
    "(" * 300 + "x" + ")" * 300,
    "x" * 5000,
    "1" * 500,
    "sin" * 50,
    "factorial(100000)",
    "x; import os",
    "x\x00",
    "{x}",
    "",
]


@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: repr(t[:20]))
def test_hostile_input_is_refused_by_the_parser(text: str) -> None:
    result = check_answer("x^2", text, variables="x")
    assert not result.valid and not result.counts_as_attempt
    assert result.diagnosis is Diagnosis.INVALID  # refused, not timed out
    assert result.feedback


def test_parser_details_reach_the_result() -> None:
    result = check_answer("sin(x)", "sinx", variables="x")
    assert not result.valid
    assert result.error is not None and result.error["hint"]
    assert "sin(x)" in result.feedback
    unknown = check_answer("2x", "2z")
    assert unknown.error["position"] == 1 and "unknown variable 'z'" in unknown.error["message"]


def test_declared_variables_decide_which_names_are_allowed() -> None:
    assert check_answer("2x", "2x + 0 y", variables="x, y").correct
    assert not check_answer("2x", "2x + 0 y").valid


def test_non_text_answers_are_invalid() -> None:
    assert not check_answer("x", 3).valid
    assert not check_answer("x", None).valid


def test_answers_of_the_wrong_shape_are_invalid() -> None:
    assert not check_answer("x", "[x, 1]").valid
    assert not check_answer("x", "y = x", variables="x, y").valid


@pytest.mark.parametrize("text", [
    "x^(x^(x^x))",
    "e^(e^(e^(e^x)))",
    "sin(" * 90 + "x" + ")" * 90,
    "(x+1)^10000 - (x+1)^10000 + x^2",
    "x^9999 * x^-9997",
    "sin(e^(1000 x))^2 + cos(e^(1000 x))^2 - 1 + x^2",
])
def test_pathological_but_valid_answers_finish_or_hit_the_limit(text: str) -> None:
    result = check_answer("x^2", text, variables="x")
    assert result.diagnosis is Diagnosis.TIMEOUT or result.valid
    if result.valid and text.endswith("x^2"):
        assert result.correct


def test_unknown_kind_or_option_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown answer kind"):
        check_answer("x", "x", kind="essay")
    with pytest.raises(TypeError, match="tolerance"):
        check_answer("x", "x", tolerance=0.1)
