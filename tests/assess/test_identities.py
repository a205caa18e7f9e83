"""The held-out identity set: every verdict right, every check inside the hard time limit."""

from __future__ import annotations

import pytest

from nablalab.assess import check_answer, compare
from tests.assess.identities import IDENTITIES


def test_the_set_has_54_pairs_of_both_kinds_and_every_family() -> None:
    assert len(IDENTITIES) == 54
    assert sum(i.equivalent for i in IDENTITIES) >= 27
    assert sum(not i.equivalent for i in IDENTITIES) >= 15
    families = {i.family for i in IDENTITIES}
    assert {"trig", "inverse trig", "hyperbolic", "log/exp", "removable", "large",
            "nearly equal"} <= families


@pytest.mark.parametrize("identity", IDENTITIES, ids=lambda i: f"{i.left} ~ {i.right[:30]}")
def test_verdict(identity) -> None:
    left, right = identity.pair()
    assert compare(left, right).equivalent is identity.equivalent


def test_all_54_through_check_answer_within_the_one_second_limit() -> None:
    wrong = []
    for identity in IDENTITIES:
        left, right = identity.pair()
        # A multiplied-out side is too long to type: it becomes the expected (SymPy) side.
        expected, answer = (right, identity.left) if identity.expand_right else (
            left, identity.right)
        result = check_answer(expected, answer)
        if not result.valid or result.equivalent is not identity.equivalent:
            wrong.append((identity.left, identity.right, result.feedback))
    assert wrong == []
