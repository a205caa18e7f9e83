"""Request and response bodies. Limits live here so the OpenAPI schema states them too."""

from __future__ import annotations

from typing import Any, Literal

from ninja import Field, Schema
from pydantic import ConfigDict

from nablalab.course.tryit import ANSWER_MAX_LENGTH

VARIABLES_MAX_LENGTH = 100
QUESTION_ID_MAX_LENGTH = 100
PreviewKind = Literal["expression", "antiderivative", "number", "vector", "matrix", "points",
                      "equation"]


class Strict(Schema):
    # Unknown fields are refused, so a client sending "expected" learns it is not accepted.
    model_config = ConfigDict(extra="forbid")


class ValidateIn(Strict):
    answer: str = Field(max_length=ANSWER_MAX_LENGTH, description="What the learner typed.")
    variables: str | list[str] | None = Field(
        default=None, max_length=VARIABLES_MAX_LENGTH,
        description='Allowed names, "x, y" or ["x", "y"]; any name when absent.')
    kind: PreviewKind = Field(default="expression",
                              description='The answer kind; "number" allows no variables.')


class ValidateOut(Schema):
    valid: bool
    interpreted: str = Field(description="The answer as the checker reads it (plain text).")
    latex: str
    message: str = Field(description="Why the answer cannot be read; empty when valid.")
    position: int | None = Field(description="0-based index of the offending character.")
    hint: str | None


class CheckIn(Strict):
    question: str = Field(max_length=QUESTION_ID_MAX_LENGTH, pattern=r"^[A-Za-z0-9-]+$",
                          description='The id of a lesson "try it" question.')
    answer: str = Field(max_length=ANSWER_MAX_LENGTH)


class PartOut(Schema):
    label: str
    correct: bool
    score: float
    feedback: str


class CheckOut(Schema):
    question: str
    valid: bool = Field(description="False: the answer could not be graded (no attempt used).")
    correct: bool
    score: float
    feedback: str
    diagnosis: str
    interpreted: str
    latex: str
    parts: list[PartOut]
    error: dict[str, Any] | None


class ErrorOut(Schema):
    detail: str
