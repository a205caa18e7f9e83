"""Kinds ``vector`` and ``matrix``: every entry judged as an expression, scored per entry.

A vector may be typed [a, b] or (a, b), as a row or a column; a matrix as [[a, b], [c, d]].
An answer of the wrong size is not graded (no attempt used: the size is part of the
question); a matrix that is exactly the transpose of the expected one is recognised.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import sympy as sp

from nablalab.mathinput import ParsedMath

from ..answers import (
    InvalidAnswer,
    QuestionError,
    Variables,
    allowed_names,
    read_answer,
    symbols_of,
    trusted,
    variable_names,
)
from ..diagnosis import Mistake, read_mistakes
from ..forms import Form, requirements
from ..result import CheckResult, Diagnosis, PartResult
from ..scalar import Judgement, ScalarQuestion, judge
from ..splitting import Piece, unwrap
from .expression import FormOption


def grade_vector(
    expected: object, answer: object, variables: Variables = None, *,
    mistakes: Iterable[Sequence[object]] | None = None, form: FormOption = None,
    form_credit: float = 0.5, partial_credit: bool = True,
) -> CheckResult:
    """A vector; each entry an expression. ``partial_credit``: score the share of entries."""
    declared = variable_names(variables)
    target = _expected_matrix(expected, declared)
    target = target.reshape(len(target), 1)
    names = allowed_names(declared, target)
    parsed = read_answer(_bracketed(answer), names)
    given = parsed.expr
    if not isinstance(given, sp.MatrixBase) or 1 not in given.shape:
        raise InvalidAnswer(CheckResult.invalid(
            f"This question needs a vector of {len(target)} entries, such as "
            f"[{', '.join(['...'] * len(target))}].", interpreted=parsed.text))
    if len(given) != len(target):
        raise InvalidAnswer(CheckResult.invalid(
            f"Your vector has {len(given)} entries; this question needs {len(target)}.",
            interpreted=parsed.text))
    return _grade_entries(target, given.reshape(len(given), 1), parsed, str(answer), names,
                          declared, mistakes, requirements(form, form_credit), partial_credit,
                          label=lambda i, j: f"entry {i + 1}")


def grade_matrix(
    expected: object, answer: object, variables: Variables = None, *,
    mistakes: Iterable[Sequence[object]] | None = None, form: FormOption = None,
    form_credit: float = 0.5, partial_credit: bool = True,
) -> CheckResult:
    """A matrix (Jacobian, Hessian ...); each entry an expression."""
    declared = variable_names(variables)
    target = _expected_matrix(expected, declared)
    names = allowed_names(declared, target)
    parsed = read_answer(answer, names)
    given = parsed.expr
    rows, cols = target.shape
    if not isinstance(given, sp.MatrixBase):
        raise InvalidAnswer(CheckResult.invalid(
            f"This question needs a {rows}×{cols} matrix, typed row by row as "
            "[[a, b], [c, d]].", interpreted=parsed.text))
    if given.shape not in (target.shape, (cols, rows)):
        raise _wrong_size(given, target, parsed)
    forms = requirements(form, form_credit)
    if given.shape == target.shape:
        result = _grade_entries(target, given, parsed, str(answer), names, declared, mistakes,
                                forms, partial_credit, label=_row_column)
        if (result.equivalent or result.diagnosis is Diagnosis.DECLARED_MISTAKE
                or rows != cols or not _matches(target, given.T, names)):
            return result
    elif not _matches(target, given.T, names):
        raise _wrong_size(given, target, parsed)
    # A transposed answer: the question's own words for that mistake come first, if it has them.
    mistake = _declared_mistake(given, mistakes, declared, names)
    if mistake is not None:
        return CheckResult(valid=True, correct=False, score=mistake.score,
                           feedback=mistake.feedback, diagnosis=Diagnosis.DECLARED_MISTAKE,
                           interpreted=parsed.text, latex=parsed.latex, equivalent=False)
    return CheckResult(valid=True, correct=False, score=0.0,
                       feedback="Your matrix is the transpose of the correct one: swap rows "
                       "and columns.", diagnosis=Diagnosis.TRANSPOSED,
                       interpreted=parsed.text, latex=parsed.latex, equivalent=False)


def _row_column(i: int, j: int) -> str:
    return f"row {i + 1}, column {j + 1}"


def _wrong_size(given: sp.Matrix, target: sp.Matrix, parsed: ParsedMath) -> InvalidAnswer:
    return InvalidAnswer(CheckResult.invalid(
        f"Your matrix is {given.rows}×{given.cols}; this question needs "
        f"{target.rows}×{target.cols}.", interpreted=parsed.text))


def _matches(target: sp.Matrix, given: sp.Matrix, names: list[str]) -> bool:
    question = _entry_question(names, {})
    return all(question(target[i]).same(target[i], given[i]) for i in range(len(target)))


def _grade_entries(target: sp.Matrix, given: sp.Matrix, parsed: ParsedMath, text: str,
                   names: list[str], declared: Sequence[str] | None,
                   mistakes: Iterable[Sequence[object]] | None, forms: dict[Form, float],
                   partial_credit: bool, label: Callable[[int, int], str]) -> CheckResult:
    question = _entry_question(names, forms)
    judgements: list[Judgement] = []
    for i in range(len(target)):
        judgement = judge(question(target[i]), given[i], text)
        if not judgement.decided:
            return CheckResult.invalid(judgement.feedback, diagnosis=Diagnosis.UNDECIDED,
                                       interpreted=parsed.text, latex=parsed.latex)
        judgements.append(judgement)
    parts = tuple(
        PartResult(label(*divmod(i, target.cols)), j.correct, j.score, j.feedback)
        for i, j in enumerate(judgements))
    equivalent = all(j.equivalent for j in judgements)
    common = dict(interpreted=parsed.text, latex=parsed.latex, parts=parts,
                  equivalent=equivalent)
    if all(j.correct for j in judgements):
        return CheckResult(valid=True, correct=True, score=1.0, feedback="Correct.",
                           diagnosis=Diagnosis.CORRECT, **common)
    mistake = None if equivalent else _declared_mistake(given, mistakes, declared, names)
    if mistake is not None:
        return CheckResult(valid=True, correct=False, score=mistake.score,
                           feedback=mistake.feedback, diagnosis=Diagnosis.DECLARED_MISTAKE,
                           **common)
    score = sum(j.score for j in judgements) / len(judgements)
    wrong = [(part, j) for part, j in zip(parts, judgements, strict=True) if not j.correct]
    right = len(judgements) - len(wrong)
    details = " ".join(f"{part.label.capitalize()}: {j.feedback}" for part, j in wrong)
    diagnosis = wrong[0][1].diagnosis if len(wrong) == 1 else (
        Diagnosis.PARTIAL if right else Diagnosis.WRONG)
    return CheckResult(valid=True, correct=False,
                       score=score if partial_credit else 0.0,
                       feedback=f"{right} of {len(judgements)} entries are right. {details}",
                       diagnosis=diagnosis, **common)


def _declared_mistake(given: sp.Matrix, mistakes: Iterable[Sequence[object]] | None,
                      declared: Sequence[str] | None, names: list[str]) -> Mistake | None:
    """The first declared mistake whose matrix the answer equals, entry by entry."""
    question = _entry_question(names, {})
    for mistake in read_mistakes(mistakes, declared):
        value = sp.Matrix(mistake.value)
        if value.shape == given.shape and all(
                question(value[i]).same(value[i], given[i]) for i in range(len(value))):
            return mistake
    return None


def _entry_question(names: list[str], forms: dict[Form, float]
                    ) -> Callable[[sp.Expr], ScalarQuestion]:
    variables = tuple(symbols_of(names))
    return lambda entry: ScalarQuestion(entry, variables, forms=forms)


def _expected_matrix(expected: object, declared: Sequence[str] | None) -> sp.Matrix:
    value = trusted(expected, declared)
    if not isinstance(value, sp.MatrixBase):
        raise QuestionError(f"the expected answer {expected!r} must be a vector or matrix")
    return sp.Matrix(value)


def _bracketed(answer: object) -> object:
    """(a, b) -> [a, b], keeping every character's position."""
    if not isinstance(answer, str):
        return answer
    stripped = answer.strip()
    inner = unwrap(Piece(stripped, 0), "(")
    if inner is None:
        return answer
    start = answer.index(stripped)
    return f"{answer[:start]}[{stripped[1:-1]}]{answer[start + len(stripped):]}"
