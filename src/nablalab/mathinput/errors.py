"""The one error a learner ever sees from the parser: what went wrong, where, and what to try."""

from __future__ import annotations


class MathInputError(ValueError):
    """Learner input that cannot be read as maths.

    ``message`` says what is wrong in the learner's terms, ``position`` is the 0-based index
    of the offending character in the original text (None when the whole input is at fault),
    and ``hint`` suggests a fix ("did you mean sin(x)?").
    """

    def __init__(
        self, message: str, *, position: int | None = None, hint: str | None = None,
        text: str = "",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.position = position
        self.hint = hint
        self.text = text

    def __str__(self) -> str:
        where = f" (at character {self.position + 1})" if self.position is not None else ""
        hint = f" {self.hint}" if self.hint else ""
        return f"{self.message}{where}.{hint}"

    @property
    def caret(self) -> str:
        """The input with a ``^`` under the offending character, for terminals."""
        if self.position is None or not self.text or len(self.text) > 200:
            return ""
        return f"{self.text}\n{' ' * self.position}^"

    def to_dict(self) -> dict[str, object]:
        return {"message": self.message, "position": self.position, "hint": self.hint}
