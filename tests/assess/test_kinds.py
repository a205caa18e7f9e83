"""Every answer kind: right, wrong, partly right and not gradable."""

from __future__ import annotations

import pytest

from nablalab.assess import Diagnosis, QuestionError, check_answer
from nablalab.mathinput import symbols

x, y = symbols("x, y")


# ------------------------------------------------------------------------------- numbers
@pytest.mark.parametrize(("answer", "options", "correct"), [
    ("3/2 sqrt(2) + 4pi", {}, True),            # exact, any form
    ("14.687691", {}, True),                    # within the default 1e-6 relative
    ("14.68772", {}, False),
    ("14.69", {}, False),
    ("14.69", {"decimal_places": 2}, True),
    ("14.68", {"decimal_places": 2}, False),
    ("14.7", {"significant_figures": 3}, True),
    ("14.6", {"significant_figures": 3}, False),
    ("14.7", {"abs_tol": 0.05}, True),
    ("14.7", {"rel_tol": 1e-4}, False),
])
def test_number_tolerances(answer: str, options: dict, correct: bool) -> None:
    # f'(2) for f = x^(3/2) + pi x^2 + sqrt(7): 3/2 sqrt(2) + 4 pi = 14.6877...
    result = check_answer("3/2 sqrt(2) + 4 pi", answer, kind="number", **options)
    assert result.valid and result.correct is correct


@pytest.mark.parametrize(("answer", "diagnosis"), [
    ("-14.688", Diagnosis.SIGN),
    ("146.88", Diagnosis.CONSTANT_FACTOR),      # a power of ten
    ("14.6", Diagnosis.INACCURATE),
    ("3", Diagnosis.WRONG),
])
def test_number_diagnoses(answer: str, diagnosis: Diagnosis) -> None:
    result = check_answer("3/2 sqrt(2) + 4 pi", answer, kind="number", decimal_places=3)
    assert result.diagnosis is diagnosis, result.feedback


def test_number_mistakes_and_invalid_numbers() -> None:
    result = check_answer("e", "2.718", kind="number", decimal_places=3,
                          mistakes=[("1", "e^0 is 1, but the question is about e^1.")])
    assert result.correct
    assert check_answer("e", "1", kind="number",
                        mistakes=[("1", "e^0 is 1.")]).feedback == "e^0 is 1."
    with_variable = check_answer("2", "2x", kind="number", variables="x")
    assert not with_variable.valid and "contains x" in with_variable.feedback
    assert not check_answer("2", "sqrt(-4)", kind="number").valid
    assert check_answer("2", "2.0", kind="number").interpreted == "2.0"


# ------------------------------------------------------------------------------- vectors
def test_vector_entries_are_scored_one_by_one() -> None:
    expected = "[2x y, x^2 + 3y^2]"
    assert check_answer(expected, "[2xy, x^2 + 3y^2]", kind="vector").correct
    assert check_answer(expected, "(2 x y, x^2 + 3 y^2)", kind="vector").correct
    half = check_answer(expected, "[2xy, x^2 + 3y]", kind="vector")
    assert half.valid and half.score == 0.5 and half.diagnosis is Diagnosis.WRONG
    assert [p.correct for p in half.parts] == [True, False]
    assert "Entry 2" in half.feedback
    none = check_answer(expected, "[2xy, x^2 + 3y]", kind="vector", partial_credit=False)
    assert none.score == 0


def test_vector_of_the_wrong_size_costs_no_attempt() -> None:
    result = check_answer("[1, 2, 3]", "[1, 2]", kind="vector")
    assert not result.valid and "needs 3" in result.feedback
    assert not check_answer("[1, 2]", "1", kind="vector").valid


def test_vector_declared_mistake() -> None:
    result = check_answer("[1, 2]", "[2, 1]", kind="vector",
                          mistakes=[("[2, 1]", "The order of the entries is swapped.")])
    assert result.diagnosis is Diagnosis.DECLARED_MISTAKE


# ------------------------------------------------------------------------------ matrices
def test_matrix_hessian_and_jacobian() -> None:
    hessian = "[[6x y, 3x^2 + 0], [3x^2, 0]]"     # f = x^3 y + x + 2y
    assert check_answer(hessian, "[[6xy, 3x^2], [3x^2, 0]]", kind="matrix").correct
    jacobian = "[[2x, 1], [y, x], [0, cos(y)]]"
    transposed = check_answer(jacobian, "[[2x, y, 0], [1, x, cos(y)]]", kind="matrix")
    assert transposed.valid and transposed.diagnosis is Diagnosis.TRANSPOSED
    square = check_answer("[[1, x], [y, 2]]", "[[1, y], [x, 2]]", kind="matrix")
    assert square.diagnosis is Diagnosis.TRANSPOSED
    declared = [("[[1, y], [x, 2]]", "Rows are the functions, columns the variables.")]
    for expected, answer, mistakes in (
        ("[[1, x], [y, 2]]", "[[1, y], [x, 2]]", declared),
        (jacobian, "[[2x, y, 0], [1, x, cos(y)]]",
         [("[[2x, y, 0], [1, x, cos(y)]]", "Rows are the functions, columns the variables.")]),
    ):
        own_words = check_answer(expected, answer, kind="matrix", mistakes=mistakes)
        assert own_words.diagnosis is Diagnosis.DECLARED_MISTAKE
        assert own_words.feedback == "Rows are the functions, columns the variables."
    part = check_answer("[[1, x], [y, 2]]", "[[1, x], [y, 3]]", kind="matrix")
    assert part.score == 0.75 and part.parts[3].label == "row 2, column 2"
    wrong_size = check_answer("[[1, x], [y, 2]]", "[[1, x, 0], [y, 2, 0]]", kind="matrix")
    assert not wrong_size.valid and "2×2" in wrong_size.feedback


# -------------------------------------------------------------------------------- points
def test_points_in_any_order() -> None:
    expected = "(0, 0), (1, -1)"
    assert check_answer(expected, "(1,-1), (0,0)", kind="points").correct
    assert check_answer(expected, "{(1, -1), (0, 0)}", kind="points").correct
    assert check_answer(expected, "[1, -1], (0, 0)", kind="points").correct
    duplicate = check_answer(expected, "(1,-1), (0,0), (0, 0)", kind="points")
    assert duplicate.correct and "once" in duplicate.feedback
    missing = check_answer(expected, "(0, 0)", kind="points")
    assert missing.score == 0.5 and "1 of the 2" in missing.feedback
    extra = check_answer(expected, "(0, 0), (1, -1), (2, 2)", kind="points")
    assert not extra.correct and extra.score == pytest.approx(2 / 3)
    assert "(2, 2)" in extra.feedback


def test_points_with_exact_coordinates_and_one_dimension() -> None:
    expected = [(sqrt2 := "sqrt(2)", "0"), ("-" + sqrt2, "0")]
    assert check_answer(expected, "(-2/sqrt(2), 0), (sqrt(8)/2, 0)", kind="points").correct
    assert check_answer("0, 2", "2, 0", kind="points").correct
    assert check_answer("none", "none", kind="points").correct
    assert not check_answer("none", "(0, 0)", kind="points").correct
    assert not check_answer("(0, 0)", "none", kind="points").correct


def test_points_that_cannot_be_read_point_at_the_culprit() -> None:
    result = check_answer("(0, 0), (1, -1)", "(0, 0), (1, -1", kind="points")
    assert not result.valid and result.error["position"] == 8
    bad = check_answer("(0, 0), (1, -1)", "(0, 0), (1, 2*/3)", kind="points")
    assert not bad.valid and bad.error["position"] == 14
    dims = check_answer("(0, 0), (1, -1)", "(0, 0, 1)", kind="points")
    assert not dims.valid and "2 coordinates" in dims.feedback


# -------------------------------------------------------------------------------- choice
def test_single_and_multiple_choice() -> None:
    assert check_answer("b", "B", kind="choice").correct
    assert not check_answer("b", "c", kind="choice").correct
    assert not check_answer("b", "b, c", kind="choice").valid
    assert not check_answer("b", "e", kind="choice", choices="abcd").valid
    assert not check_answer("b", " ", kind="choice").valid
    several = check_answer(["a", "c"], ["a"], kind="choice")
    assert several.score == 0.5 and several.diagnosis is Diagnosis.PARTIAL
    penalised = check_answer(["a", "c"], "a, b", kind="choice")
    assert penalised.score == 0
    assert check_answer(["a", "c"], "c; a", kind="choice").correct


# ------------------------------------------------------------------------------ equations
@pytest.mark.parametrize(("answer", "correct"), [
    ("y = 2x + 1", True),
    ("2x - y = -1", True),
    ("y - 1 = 2x", True),
    ("(y - 1)/2 = x", True),
    ("4x + 2 = 2y", True),
    ("y/x = 2 + 1/x", True),          # solved for y it is the same line
    ("y = 2x - 1", False),
    ("y^2 = (2x + 1)^2", False),      # squaring adds the line y = -2x - 1
])
def test_tangent_line_equations(answer: str, correct: bool) -> None:
    result = check_answer("y = 2x + 1", answer, kind="equation")
    assert result.valid and result.correct is correct


def test_equation_feedback_and_validation() -> None:
    off = check_answer("y = 2x + 1", "y = 2x + 3", kind="equation")
    assert off.diagnosis is Diagnosis.ADDITIVE_CONSTANT and "solved for y" in off.feedback
    not_equation = check_answer("y = 2x + 1", "2x + 1", kind="equation")
    assert not not_equation.valid and "'='" in not_equation.feedback
    mistake = check_answer("y = 2x + 1", "y = 2x", kind="equation",
                           mistakes=[("y = 2x", "The line must pass through (0, 1).")])
    assert mistake.diagnosis is Diagnosis.DECLARED_MISTAKE


# -------------------------------------------------------------------------- antiderivative
@pytest.mark.parametrize(("answer", "correct"), [
    ("x^3/3", True),
    ("x^3/3 + C", True),
    ("x^3/3 + 7", True),
    ("(x^3 + 1)/3", True),
    ("x^3", False),
])
def test_antiderivative_up_to_a_constant(answer: str, correct: bool) -> None:
    assert check_answer("x^3/3", answer, kind="antiderivative").correct is correct


def test_antiderivative_on_a_split_domain() -> None:
    # Each branch of log|x| may carry its own constant: derivatives agree everywhere.
    assert check_answer("ln(abs(x))", "ln(abs(x)) + sign(x)", kind="antiderivative").correct
    assert check_answer("ln(abs(x))", "ln(x^2)/2 + 1", kind="antiderivative").correct
    assert not check_answer("ln(abs(x))", "1/x", kind="antiderivative").correct


def test_antiderivative_needs_a_variable() -> None:
    with pytest.raises(QuestionError):
        check_answer("3", "3", kind="antiderivative")


# ------------------------------------------------------------------ expected as SymPy
def test_expected_may_be_a_sympy_object() -> None:
    import sympy as sp
    assert check_answer(sp.diff(x**2 * sp.sin(x), x), "2x sin x + x^2 cos x").correct
    assert check_answer(sp.Matrix([2 * x, 2 * y]), "[2x, 2y]", kind="vector").correct
