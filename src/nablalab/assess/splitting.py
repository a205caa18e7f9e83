"""Split list answers ("(0, 0), (1, -1)") at top-level commas, respecting brackets.

The parser reads one expression; answers that are lists of things (points, choices) are cut
into items here first, keeping each item's offset so that a parse error inside an item
still points at the right character of the whole answer. Nothing is evaluated.
"""

from __future__ import annotations

from dataclasses import dataclass

from nablalab.mathinput import MathInputError

_OPENING = {"(": ")", "[": "]", "{": "}"}
_CLOSING = {v: k for k, v in _OPENING.items()}


@dataclass(frozen=True)
class Piece:
    """A slice of the original text, stripped of surrounding spaces."""

    text: str
    offset: int  # index of ``text[0]`` in the original answer


def split_top_level(text: str, offset: int = 0) -> list[Piece]:
    """The comma-separated items of ``text`` (which starts at ``offset`` in the answer)."""
    pieces: list[Piece] = []
    stack: list[tuple[str, int]] = []
    start = 0
    for i, char in enumerate(text):
        if char in _OPENING:
            stack.append((char, i))
        elif char in _CLOSING:
            if not stack or stack[-1][0] != _CLOSING[char]:
                raise MathInputError(f"'{char}' has no matching '{_CLOSING[char]}'",
                                     position=offset + i, hint="Check the brackets.")
            stack.pop()
        elif char == "," and not stack:
            pieces.append(_piece(text, start, i, offset))
            start = i + 1
    if stack:
        char, i = stack[-1]
        raise MathInputError(f"'{char}' is never closed", position=offset + i,
                             hint=f"Add a closing '{_OPENING[char]}'.")
    pieces.append(_piece(text, start, len(text), offset))
    return pieces


def unwrap(piece: Piece, brackets: str = "([{") -> Piece | None:
    """The inside of ``(...)`` (or [...], {...}) when the brackets enclose the whole piece."""
    text = piece.text
    if len(text) < 2 or text[0] not in brackets or text[-1] != _OPENING[text[0]]:
        return None
    depth = 0
    for i, char in enumerate(text):
        depth += char in _OPENING
        depth -= char in _CLOSING
        if depth == 0 and i < len(text) - 1:
            return None  # "(a)(b)": the first bracket closes early
    inner = text[1:-1]
    lead = len(inner) - len(inner.lstrip())
    return Piece(inner.strip(), piece.offset + 1 + lead)


def _piece(text: str, start: int, end: int, offset: int) -> Piece:
    raw = text[start:end]
    lead = len(raw) - len(raw.lstrip())
    return Piece(raw.strip(), offset + start + lead)
