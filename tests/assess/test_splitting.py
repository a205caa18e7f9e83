"""The bracket-aware splitter under list answers."""

from __future__ import annotations

import pytest

from nablalab.assess.splitting import Piece, split_top_level, unwrap
from nablalab.mathinput import MathInputError


def test_splits_only_at_top_level_commas_and_keeps_offsets() -> None:
    text = "(0, 0), (1, -1), (log(2, 8), 3)"
    pieces = split_top_level(text)
    assert [p.text for p in pieces] == ["(0, 0)", "(1, -1)", "(log(2, 8), 3)"]
    assert all(text[p.offset:p.offset + len(p.text)] == p.text for p in pieces)


def test_unwrap_only_whole_brackets() -> None:
    assert unwrap(Piece("(1, 2)", 5)) == Piece("1, 2", 6)
    assert unwrap(Piece("( 1, 2 )", 0)) == Piece("1, 2", 2)
    assert unwrap(Piece("(a)(b)", 0)) is None
    assert unwrap(Piece("[1, 2]", 0), "(") is None


@pytest.mark.parametrize(("text", "position"), [("(0, 0", 0), ("(0, 0)), (1", 6), ("[1, 2)", 5)])
def test_unbalanced_brackets_are_located(text: str, position: int) -> None:
    with pytest.raises(MathInputError) as error:
        split_top_level(text)
    assert error.value.position == position
