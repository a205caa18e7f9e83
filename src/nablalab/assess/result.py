"""What a check returns: the verdict a learner sees, and the codes a course engine reads.

``valid`` is False when the answer could not be graded (it does not parse, names an unknown
variable, has the wrong shape, or could not be checked in time): such an answer costs no
attempt. ``diagnosis`` says which feedback path produced ``feedback``, so analytics and
templates need not parse sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Diagnosis(StrEnum):
    CORRECT = "correct"
    WRONG_FORM = "wrong_form"                # equal in value, not in the required form
    DECLARED_MISTAKE = "declared_mistake"    # matches a mistake the question author foresaw
    SIGN = "sign"
    CONSTANT_FACTOR = "constant_factor"
    ADDITIVE_CONSTANT = "additive_constant"
    MISSING_TERM = "missing_term"
    EXTRA_TERM = "extra_term"
    ANTIDERIVATIVE = "antiderivative"        # integrated where a derivative was asked
    DERIVATIVE = "derivative"                # differentiated where an antiderivative was asked
    ORIGINAL_FUNCTION = "original_function"  # gave back the function itself
    WRONG_VARIABLE = "wrong_variable"        # differentiated with respect to another variable
    TRANSPOSED = "transposed"
    INACCURATE = "inaccurate"                # a number close to, but outside, the tolerance
    NO_COMMON_DOMAIN = "no_common_domain"
    PARTIAL = "partial"                      # some parts right, some wrong
    WRONG = "wrong"
    INVALID = "invalid"                      # not gradable as typed: no attempt used
    TIMEOUT = "timeout"                      # not checked in time: no attempt used
    UNDECIDED = "undecided"                  # could not be decided: no attempt used


@dataclass(frozen=True)
class PartResult:
    """One entry of a vector, matrix or set of points."""

    label: str
    correct: bool
    score: float
    feedback: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "correct": self.correct, "score": self.score,
                "feedback": self.feedback}


@dataclass(frozen=True)
class CheckResult:
    """The outcome of checking one answer. ``to_dict()`` is the JSON form."""

    valid: bool
    correct: bool
    score: float
    feedback: str
    diagnosis: Diagnosis
    interpreted: str = ""
    latex: str = ""
    equivalent: bool | None = None  # equal in value, whatever the form (None: not compared)
    parts: tuple[PartResult, ...] = ()
    error: dict[str, Any] | None = field(default=None)  # the parser's message/position/hint

    @property
    def counts_as_attempt(self) -> bool:
        return self.valid

    @classmethod
    def invalid(cls, feedback: str, *, diagnosis: Diagnosis = Diagnosis.INVALID,
                error: dict[str, Any] | None = None, interpreted: str = "", latex: str = ""
                ) -> CheckResult:
        return cls(valid=False, correct=False, score=0.0, feedback=feedback,
                   diagnosis=diagnosis, interpreted=interpreted, latex=latex, error=error)

    @classmethod
    def timed_out(cls, seconds: float) -> CheckResult:
        return cls.invalid(
            f"Your answer could not be checked within {seconds:g} s, so no attempt was used. "
            "Try writing it in a simpler form.", diagnosis=Diagnosis.TIMEOUT)

    def to_dict(self) -> dict[str, Any]:
        return {
            "valid": self.valid, "correct": self.correct, "score": self.score,
            "feedback": self.feedback, "diagnosis": str(self.diagnosis),
            "interpreted": self.interpreted, "latex": self.latex,
            "equivalent": self.equivalent, "counts_as_attempt": self.counts_as_attempt,
            "parts": [part.to_dict() for part in self.parts], "error": self.error,
        }
