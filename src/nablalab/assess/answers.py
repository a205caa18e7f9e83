"""Reading the two sides of a check: the author's expected answer and the learner's text.

The expected answer is trusted (text from a question author, or a SymPy object); a mistake
in it is the author's bug and raises ``QuestionError``. The learner's text only ever goes
through the safe parser; when it cannot be read, ``InvalidAnswer`` carries the ready-made
result (valid=False, the parser's message, position and hint: no attempt used).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction

import sympy as sp

from nablalab.mathinput import MathInputError, ParsedMath, parse, symbol
from nablalab.mathinput.tokens import Kind, tokenize

from .result import CheckResult

Variables = Iterable[str | sp.Symbol] | str | None


class QuestionError(ValueError):
    """The question itself is malformed (expected answer, mistakes, options)."""


class InvalidAnswer(Exception):
    """The learner's answer cannot be graded as typed; ``result`` says why."""

    def __init__(self, result: CheckResult) -> None:
        super().__init__(result.feedback)
        self.result = result


def variable_names(variables: Variables) -> tuple[str, ...] | None:
    """Declared variables as names ("x, y", ["x", "y"] or symbols), or None if undeclared."""
    if variables is None:
        return None
    if isinstance(variables, str):
        variables = variables.replace(",", " ").split()
    return tuple(v.name if isinstance(v, sp.Symbol) else str(v).strip() for v in variables)


def trusted(value: object, variables: Sequence[str] | None = None) -> sp.Basic:
    """An author's value as SymPy: a SymPy object, a number, or maths text."""
    if isinstance(value, sp.Basic):
        return value
    if isinstance(value, sp.MatrixBase):
        return sp.ImmutableMatrix(value)
    if isinstance(value, bool):
        raise QuestionError(f"{value!r} is not a mathematical value")
    if isinstance(value, int | Fraction):
        return sp.Rational(value)
    if isinstance(value, float):
        return sp.Float(value)
    if isinstance(value, str):
        try:
            return parse(value, variables).expr
        except MathInputError as error:
            raise QuestionError(f"the expected value {value!r} does not parse: {error}") from None
    if isinstance(value, list | tuple):
        return sp.Matrix([trusted(item, variables) for item in value])
    raise QuestionError(f"cannot read {value!r} as a mathematical value")


def allowed_names(variables: Sequence[str] | None, *values: sp.Basic | None) -> list[str]:
    """The names an answer may use: the declared ones, else those of the author's values."""
    if variables is not None:
        return list(variables)
    names: set[str] = set()
    for value in values:
        if value is not None:
            names |= {s.name for s in value.free_symbols}
    return sorted(names)


def read_answer(text: object, names: Sequence[str] | None) -> ParsedMath:
    """Parse the learner's text, or raise ``InvalidAnswer`` with the parser's explanation."""
    if not isinstance(text, str):
        raise InvalidAnswer(CheckResult.invalid("The answer must be typed as text."))
    try:
        return parse(text, names)
    except MathInputError as error:
        raise InvalidAnswer(invalid_input(error)) from None


def invalid_input(error: MathInputError, offset: int = 0) -> CheckResult:
    """The result for unreadable input; ``offset`` shifts the position into a larger text."""
    details = error.to_dict()
    if error.position is not None:
        details["position"] = error.position + offset
        where = f" (at character {error.position + offset + 1})"
    else:
        where = ""
    hint = f" {error.hint}" if error.hint else ""
    message = error.message[0].upper() + error.message[1:]
    return CheckResult.invalid(f"{message}{where}.{hint}", error=details)


def scalar(parsed: ParsedMath, what: str = "a single expression") -> sp.Expr:
    """The parsed answer as a scalar expression, or an invalid result saying what to type."""
    expr = parsed.expr
    if isinstance(expr, sp.MatrixBase):
        raise InvalidAnswer(CheckResult.invalid(
            f"This question needs {what}, not a vector or matrix.", interpreted=parsed.text))
    if isinstance(expr, sp.Equality):
        raise InvalidAnswer(CheckResult.invalid(
            f"This question needs {what}, not an equation: leave out the '='.",
            interpreted=parsed.text))
    return expr


def has_decimals(text: str) -> bool:
    """Whether the learner typed a decimal number (0.5, 1e-3): the parsed form cannot tell."""
    try:
        tokens = tokenize(text)
    except MathInputError:
        return False
    return any(t.kind is Kind.NUMBER and not t.text.isdigit() for t in tokens)


def symbols_of(names: Sequence[str]) -> list[sp.Symbol]:
    return [symbol(name) for name in names]
