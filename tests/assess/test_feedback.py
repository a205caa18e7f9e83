"""Feedback order: correct -> declared mistake -> generic diagnosis -> wrong."""

from __future__ import annotations

import pytest

from nablalab.assess import Diagnosis, check_answer
from nablalab.mathinput import symbols

x, = symbols("x")


def test_correct_answer_has_interpretation_and_latex() -> None:
    result = check_answer("2x cos(x^2)", "2 x cos x^2")
    assert result.valid and result.correct and result.score == 1.0
    assert result.diagnosis is Diagnosis.CORRECT
    assert result.interpreted == "2*x*cos(x^2)"
    assert "\\cos" in result.latex


def test_declared_mistake_wins_over_the_generic_diagnosis() -> None:
    mistakes = [("-2x", "Differentiating cos gives -sin, not -cos."), ("x^2", "Oops", 0.25)]
    result = check_answer("2x", "-2x", mistakes=mistakes)
    assert result.diagnosis is Diagnosis.DECLARED_MISTAKE  # not SIGN, although it is one
    assert result.feedback == "Differentiating cos gives -sin, not -cos."
    partial = check_answer("2x", "x*x", mistakes=mistakes)
    assert partial.diagnosis is Diagnosis.DECLARED_MISTAKE and partial.score == 0.25


@pytest.mark.parametrize(("expected", "answer", "diagnosis"), [
    ("3x^2 + 2", "-3x^2 - 2", Diagnosis.SIGN),
    ("3x^2 + 2", "6x^2 + 4", Diagnosis.CONSTANT_FACTOR),
    ("3x^2 + 2 cos(x)", "3x^2", Diagnosis.MISSING_TERM),
    ("3x^2", "3x^2 + sin(x)", Diagnosis.EXTRA_TERM),
    ("e^x sin(x)", "e^x sin(x) + 7", Diagnosis.EXTRA_TERM),
    ("x^2 sin(x)", "x^2 sin(x) + pi", Diagnosis.EXTRA_TERM),
    ("3x^2", "x^3 + 5 - 5 + 3x^2 - x^3 + sin(x)^2 + cos(x)^2", Diagnosis.ADDITIVE_CONSTANT),
])
def test_generic_diagnoses(expected: str, answer: str, diagnosis: Diagnosis) -> None:
    result = check_answer(expected, answer)
    assert result.valid and not result.correct and result.score == 0
    assert result.diagnosis is diagnosis, result.feedback


def test_constant_factor_names_the_factor() -> None:
    assert "2 times" in check_answer("3x^2 + 2", "6x^2 + 4").feedback
    assert "1/2 times" in check_answer("sin(2x)", "sin(2x)/2").feedback


def test_additive_constant_names_the_constant() -> None:
    result = check_answer("cos(x)^2", "-sin(x)^2")
    assert result.diagnosis is Diagnosis.ADDITIVE_CONSTANT
    assert "(-1)" in result.feedback


def test_derivative_questions_recognise_antiderivatives_and_the_function_itself() -> None:
    options = {"diagnose_derivative_of": "x^2 sin(x)"}
    expected = "2x sin(x) + x^2 cos(x)"
    anti = check_answer(expected, "x^3/3 sin(x) + 12", **options)
    assert anti.diagnosis is not Diagnosis.ANTIDERIVATIVE  # its derivative is not x^2 sin x
    integral = "-x^2 cos(x) + 2x sin(x) + 2cos(x)"    # an antiderivative of x^2 sin x
    assert check_answer(expected, integral, **options).diagnosis is Diagnosis.ANTIDERIVATIVE
    same = check_answer(expected, "x^2 sin(x)", **options)
    assert same.diagnosis is Diagnosis.ORIGINAL_FUNCTION


def test_antiderivative_questions_recognise_a_derivative() -> None:
    result = check_answer("x^3/3", "2x", kind="antiderivative")
    assert result.diagnosis is Diagnosis.DERIVATIVE
    assert check_answer("x^3/3", "x^2", kind="antiderivative").diagnosis is (
        Diagnosis.ORIGINAL_FUNCTION)


def test_wrong_answer_names_a_point_where_it_differs() -> None:
    result = check_answer("sqrt(x^2)", "x")
    assert result.diagnosis is Diagnosis.WRONG
    assert "differ near x = -" in result.feedback


def test_no_common_domain_has_its_own_message() -> None:
    result = check_answer("x", "sqrt(-1 - x^2)")
    assert result.valid and not result.correct
    assert result.diagnosis is Diagnosis.NO_COMMON_DOMAIN
    assert "never both defined" in result.feedback


def test_to_dict_is_plain_json() -> None:
    import json
    data = check_answer("2x", "3x").to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["counts_as_attempt"] is True and data["diagnosis"] == "constant_factor"


def test_partial_derivative_with_respect_to_the_wrong_variable() -> None:
    result = check_answer("y cos(x y)", "x cos(x y)", diagnose_derivative_of="sin(x y)",
                          wrt="x")
    assert result.diagnosis is Diagnosis.WRONG_VARIABLE
    assert "with respect to y" in result.feedback


def test_infinity_is_simply_not_equal_to_a_finite_expression() -> None:
    result = check_answer("x", "oo")
    assert result.valid and not result.correct
