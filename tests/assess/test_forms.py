"""Form requirements: checked only for equal answers, each with its own feedback and credit."""

from __future__ import annotations

import pytest

from nablalab.assess import Diagnosis, QuestionError, check_answer


@pytest.mark.parametrize(("expected", "answer", "passes"), [
    ("x + 1", "(x^2 - 1)/(x - 1)", False),           # uncancelled common factor
    ("x + 1", "x + 1", True),
    ("x^2 + 2x + 1", "(x + 1)^2", False),            # expected multiplied out: so must be this
    ("(x + 1)^2", "x^2 + 2x + 1", True),             # expanded form of a factorised answer is fine
    ("2x", "2x sin(x)^2 + 2x cos(x)^2", False),      # much longer than needed
    ("2/(x^2 - 1)", "1/(x - 1) - 1/(x + 1)", True),  # within the length slack
])
def test_simplified(expected: str, answer: str, passes: bool) -> None:
    result = check_answer(expected, answer, form="simplified")
    assert result.equivalent is True
    assert result.correct is passes
    if not passes:
        assert result.diagnosis is Diagnosis.WRONG_FORM and result.score == 0.5
        assert "not simplified" in result.feedback


@pytest.mark.parametrize(("answer", "passes"), [
    ("(x - 1)(x + 1)", True),
    ("(x + 1)(x - 1)", True),
    ("x^2 - 1", False),
    ("(2x - 2)(x + 1)/2", True),    # numbers inside factors are not judged (see forms.py)
])
def test_factorised(answer: str, passes: bool) -> None:
    result = check_answer("(x - 1)(x + 1)", answer, form="factorised")
    assert result.equivalent is True
    assert result.correct is passes, result.feedback


def test_factorised_wants_irreducible_factors() -> None:
    assert check_answer("2(x + 1)(x - 1)", "2(x + 1)(x - 1)", form="factorised").correct
    assert not check_answer("2(x + 1)(x - 1)", "(2x + 2)(x^2 - 1)/(x + 1)",
                            form="factorised").correct
    assert not check_answer("x^3 - 4x", "x(x^2 - 4)", form="factorised").correct
    assert check_answer("x^3 - 4x", "x(x - 2)(x + 2)", form="factorised").correct
    assert check_answer("e^x (x + 1)", "e^x (x + 1)", form="factorised").correct


def test_expanded() -> None:
    assert check_answer("(x + 1)^2", "x^2 + 2x + 1", form="expanded").correct
    result = check_answer("(x + 1)^2", "(x + 1)^2", form="expanded")
    assert not result.correct and "multiplied out" in result.feedback


def test_no_decimals_reads_the_typed_text() -> None:
    result = check_answer("x/2", "0.5x", form="no_decimals")
    assert result.equivalent and not result.correct and "1/2" in result.feedback
    assert check_answer("x/2", "x/2", form="no_decimals").correct


def test_exact_numbers() -> None:
    approx = check_answer("sqrt(2)", "1.41421356", kind="number", form="exact")
    assert approx.equivalent and not approx.correct and "exact value" in approx.feedback
    assert check_answer("sqrt(2)", "2/sqrt(2)", kind="number", form="exact").correct
    assert check_answer("1/2", "0.5", kind="number", form="exact").correct  # 0.5 is exact


def test_credit_per_form_and_several_forms_at_once() -> None:
    result = check_answer("x + 1", "(x^2 - 1)/(x - 1)",
                          form={"simplified": 0.25, "no_decimals": 0.0})
    assert result.score == 0.25
    both = check_answer("x/2 + 1/2", "(0.5x^2 - 0.5)/(x - 1)", form=["simplified", "no_decimals"],
                        form_credit=0.0)
    assert both.score == 0 and "decimal" in both.feedback and "not simplified" in both.feedback


def test_form_is_never_checked_on_a_wrong_answer() -> None:
    result = check_answer("x + 1", "x + 2", form="simplified")
    assert result.diagnosis is Diagnosis.EXTRA_TERM or result.diagnosis is (
        Diagnosis.ADDITIVE_CONSTANT)
    assert result.equivalent is False


def test_unknown_form_is_a_question_error() -> None:
    with pytest.raises(QuestionError):
        check_answer("x", "x", form="pretty")


def test_forms_apply_to_every_entry_of_a_vector() -> None:
    result = check_answer("[x/2, 1]", "[0.5x, 1]", kind="vector", form="no_decimals")
    assert result.equivalent and not result.correct
    assert check_answer("[x/2, 1]", "[x/2, 1]", kind="vector", form="no_decimals").correct
