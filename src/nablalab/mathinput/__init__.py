"""Safe maths input: learner text -> SymPy, with no eval, sympify or parse_expr anywhere.

``parse(text, variables=None)`` returns a ``ParsedMath`` with the SymPy object and its
canonical text and LaTeX, so the product can say "your answer was interpreted as ..."
before grading. Every refusal is a ``MathInputError`` with a message, a position and a hint.
All variables are real SymPy symbols: build comparison expressions with ``symbol``/``symbols``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

import sympy as sp

from nablalab.mathinput.errors import MathInputError
from nablalab.mathinput.names import symbol, symbols
from nablalab.mathinput.parser import MAX_DEPTH, MAX_LENGTH, Parser
from nablalab.mathinput.printing import latex, plain_text

__all__ = ["MathInputError", "ParsedMath", "clear_cache", "latex", "parse", "plain_text",
           "symbol", "symbols"]


@dataclass(frozen=True)
class ParsedMath:
    """A learner's input, understood: the SymPy object and how to show it back.

    ``text`` and ``latex`` are printed on first use: printing costs more than parsing, and a
    checker comparing expressions never needs them.
    """

    expr: sp.Basic

    @cached_property
    def text(self) -> str:
        return plain_text(self.expr)

    @cached_property
    def latex(self) -> str:
        return latex(self.expr)

    @property
    def variables(self) -> tuple[str, ...]:
        """Names of the free variables, sorted: what the input actually depends on."""
        return tuple(sorted(s.name for s in self.expr.free_symbols))


def parse(text: str, variables: Iterable[str | sp.Symbol] | str | None = None) -> ParsedMath:
    """Read learner maths. ``variables`` (names, symbols or "x, y") restricts the allowed names.

    Raises ``MathInputError`` for anything that is not maths we understand, including input
    that is too long, too deep or numerically explosive; it never evaluates the text.
    """
    if not isinstance(text, str):
        raise MathInputError("the answer must be text")
    if len(text) > MAX_LENGTH:
        raise MathInputError(
            f"the answer is too long ({len(text)} characters; at most {MAX_LENGTH})",
            hint="Shorten or simplify it.",
        )
    return _parse(text, _variable_names(variables))


# Parsing is a pure function of the text and the variables, and the same texts come back
# again and again (a question's expected answer, the common answers of a class).
@lru_cache(maxsize=4096)
def _parse(text: str, names: tuple[str, ...] | None) -> ParsedMath:
    _ensure_recursion_headroom()
    try:
        expr = Parser(text, names).parse()
    except RecursionError:
        raise MathInputError(
            "the expression is nested too deeply", hint="Simplify the brackets.", text=text
        ) from None
    if expr.has(sp.zoo, sp.nan):
        raise MathInputError(
            "the expression is undefined (it divides by zero or takes log(0))",
            hint="Check denominators and logarithms.", text=text,
        )
    if expr.has(sp.I):  # ln(-1), √-4, acosh(0): SymPy evaluates them to imaginary numbers
        raise MathInputError(
            "the expression is not a real number (the square root or logarithm of a negative "
            "number is imaginary), and this course works with real numbers",
            hint="Check the signs inside square roots and logarithms.", text=text,
        )
    return ParsedMath(expr=expr)


def clear_cache() -> None:
    """Forget every parse (benchmarks use it to time cold parses)."""
    _parse.cache_clear()


# A recursive-descent parser spends about ten Python frames per nesting level, so the promised
# depth of MAX_DEPTH needs more than CPython's default limit of 1000. Python frames no longer
# use the C stack (3.11+), so raising the limit is safe; it is never lowered.
_FRAMES_NEEDED = 2000 + 12 * MAX_DEPTH


def _ensure_recursion_headroom() -> None:
    if sys.getrecursionlimit() < _FRAMES_NEEDED:
        sys.setrecursionlimit(_FRAMES_NEEDED)


def _variable_names(
        variables: Iterable[str | sp.Symbol] | str | None) -> tuple[str, ...] | None:
    if variables is None:
        return None
    if isinstance(variables, str):
        variables = variables.replace(",", " ").split()
    return tuple(v.name if isinstance(v, sp.Symbol) else str(v).strip() for v in variables)
