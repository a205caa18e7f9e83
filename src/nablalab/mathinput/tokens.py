"""Tokenizer: learner text -> tokens that remember where they came from.

Unicode maths (×, ·, −, ÷, √, ², π, Greek letters) is folded into the ASCII vocabulary here,
so the grammar only ever sees one spelling of each operator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from nablalab.mathinput.errors import MathInputError


class Kind(Enum):
    NUMBER = "number"
    NAME = "name"
    OP = "operator"
    SUPERSCRIPT = "superscript"
    END = "end of input"


@dataclass(frozen=True, slots=True)
class Token:
    kind: Kind
    text: str  # normalised spelling: "*" for "×", "2" for "²" ...
    position: int  # index of the first character in the original input


_OPERATOR_SPELLINGS = {
    "**": "^", "×": "*", "·": "*", "⋅": "*", "∗": "*", "−": "-", "–": "-", "÷": "/",
    "∕": "/", "√": "√",
}
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")

_TOKEN_PATTERN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<name>[A-Za-z][A-Za-z0-9_]*|[\u0391-\u03A9\u03B1-\u03C9\u03D1\u03D5\u03F5]|∞)
  | (?P<superscript>[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+)
  | (?P<op>\*\*|[-+*/^()\[\],|=!×·⋅∗−–÷∕√])
    """,
    re.VERBOSE,
)


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    position = 0
    while position < len(text):
        match = _TOKEN_PATTERN.match(text, position)
        if match is None:
            raise _unexpected_character(text, position)
        kind = match.lastgroup
        value = match.group()
        if kind == "number":
            tokens.append(Token(Kind.NUMBER, value, position))
        elif kind == "name":
            tokens.append(Token(Kind.NAME, value, position))
        elif kind == "superscript":
            tokens.append(Token(Kind.SUPERSCRIPT, value.translate(_SUPERSCRIPTS), position))
        elif kind == "op":
            tokens.append(Token(Kind.OP, _OPERATOR_SPELLINGS.get(value, value), position))
        position = match.end()
    tokens.append(Token(Kind.END, "", len(text)))
    return tokens


def _unexpected_character(text: str, position: int) -> MathInputError:
    char = text[position]
    hints = {
        "_": "Names start with a letter; use _ only inside a name, as in x_1.",
        ".": "A decimal point needs digits, as in 0.5.",
        ";": "Separate items with a comma.",
        "{": "Use round brackets ( ) for grouping.",
        "}": "Use round brackets ( ) for grouping.",
        ":": None,
        "'": "Quotes are not part of maths notation; type the expression itself.",
        '"': "Quotes are not part of maths notation; type the expression itself.",
    }
    return MathInputError(
        f"'{char}' is not a character this maths input understands",
        position=position,
        hint=hints.get(char)
        or "Use numbers, letters, + - * / ^ ( ) [ ] | and functions like sin(x).",
        text=text,
    )
