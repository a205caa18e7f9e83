"""Judging one scalar expression: the core shared by expressions, antiderivatives and the
entries of vectors and matrices.

The feedback order is fixed: correct (then the form requirements, each with its own
sentence and credit) -> a declared mistake -> a generic diagnosis -> wrong (with a point
where the two differ, so the learner can check their working there).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

from .diagnosis import Finding, Mistake, declared, diagnose
from .equivalence import Comparison, Verdict, compare
from .forms import Form, problem
from .result import Diagnosis


@dataclass(frozen=True)
class ScalarQuestion:
    """What a scalar answer is judged against. ``up_to_constant``: antiderivatives."""

    expected: sp.Expr
    variables: tuple[sp.Symbol, ...]
    mistakes: tuple[Mistake, ...] = ()
    forms: dict[Form, float] = field(default_factory=dict)
    up_to_constant: bool = False
    derivative_of: sp.Expr | None = None
    wrt: sp.Symbol | None = None

    def compare(self, first: sp.Expr, second: sp.Expr) -> Comparison:
        if not self.up_to_constant:
            return compare(first, second, self.variables)
        # Antiderivatives: equal derivatives in every variable, on the common domain.
        comparisons = (compare(sp.diff(first, v), sp.diff(second, v), self.variables)
                       for v in self.variables)
        for comparison in comparisons:
            if not comparison.equivalent:
                return comparison
        return Comparison(Verdict.EQUIVALENT) if self.variables else compare(first, second)

    def same(self, first: sp.Basic, second: sp.Basic) -> bool:
        return self.compare(first, second).equivalent


@dataclass(frozen=True)
class Judgement:
    correct: bool
    score: float
    feedback: str
    diagnosis: Diagnosis
    equivalent: bool | None

    @property
    def decided(self) -> bool:
        return self.diagnosis is not Diagnosis.UNDECIDED


def judge(question: ScalarQuestion, answer: sp.Expr, text: str) -> Judgement:
    """Grade ``answer`` (the parsed form of the learner's ``text``)."""
    comparison = question.compare(question.expected, answer)
    if comparison.verdict is Verdict.EQUIVALENT:
        return _check_forms(question, answer, text)
    if comparison.verdict is Verdict.UNDECIDED:
        return Judgement(False, 0.0, "Your answer could not be compared with the correct one "
                         "(it cannot be evaluated reliably), so no attempt was used. Try "
                         "writing it more simply.", Diagnosis.UNDECIDED, None)
    finding = declared(answer, question.mistakes, question.same) or diagnose(
        question.expected, answer, question.same, question.variables,
        up_to_constant=question.up_to_constant, derivative_of=question.derivative_of,
        wrt=question.wrt)
    if finding is None:
        finding = _plain_wrong(comparison)
    return Judgement(False, finding.score, finding.feedback, finding.diagnosis, False)


def _check_forms(question: ScalarQuestion, answer: sp.Expr, text: str) -> Judgement:
    failures = [(kept, reason) for form, kept in question.forms.items()
                if (reason := problem(form, text, answer, question.expected)) is not None]
    if not failures:
        return Judgement(True, 1.0, "Correct.", Diagnosis.CORRECT, True)
    reasons = "; and ".join(reason for _, reason in failures)
    score = min(kept for kept, _ in failures)
    return Judgement(False, score, f"Your answer has the right value, but {reasons}.",
                     Diagnosis.WRONG_FORM, True)


def _plain_wrong(comparison: Comparison) -> Finding:
    if comparison.verdict is Verdict.NO_COMMON_DOMAIN:
        return Finding(Diagnosis.NO_COMMON_DOMAIN,
                       "Your answer and the correct answer are never both defined (they have "
                       "no common real domain), so they cannot be equal. Check square roots, "
                       "logarithms and inverse functions.")
    shown = ", ".join(f"{name} = {value:.3g}" for name, value in comparison.witness)
    where = f" (for example, they differ near {shown})" if shown else ""
    return Finding(Diagnosis.WRONG, f"Your answer is not equal to the correct answer{where}.")
