"""The error a learner sees when a calculus request cannot be answered as asked."""

from __future__ import annotations


class CalculusError(ValueError):
    """A well-formed expression asked for something impossible or ambiguous.

    Same shape as ``MathInputError`` (``message`` and ``hint``), so the CLI and the web
    page show both the same way.
    """

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.position: int | None = None

    def __str__(self) -> str:
        return f"{self.message}. {self.hint}" if self.hint else f"{self.message}."
