"""The multi-host accounting catches what it is there to catch: a lost or doubled answer, a
lost, extra, unfinished, twice-graded or wrongly scored submission (synthetic rows, no hosts)."""

from __future__ import annotations

from collections import Counter

from bench.multihost.accounting import Accounts, _answers, _submissions

KEY = ("learner0001", "product-rule-x2-sin")


def answers(acknowledged: int, sent: int, recorded: int) -> Accounts:
    accounts = Accounts()
    _answers(accounts, Counter({KEY: acknowledged}), Counter({KEY: sent}),
             {KEY: recorded} if recorded else {})
    return accounts


def test_answers_recorded_between_acknowledged_and_sent_are_fine() -> None:
    assert answers(3, 4, 3).problems == []
    assert answers(3, 4, 4).problems == []  # one reply was lost, its answer was stored


def test_an_acknowledged_answer_missing_from_the_database_is_lost() -> None:
    accounts = answers(3, 3, 2)
    assert len(accounts.answers_lost) == 1
    assert accounts.problems[0].startswith("answers lost: 1")
    assert answers(1, 1, 0).answers_lost  # nothing stored at all


def test_more_records_than_answers_sent_is_counting_twice() -> None:
    assert len(answers(2, 2, 3).answers_counted_twice) == 1


ROW = ("learner0001", "id-1", "graded", 20, 20, 1, 0)


def submissions(rows: list[tuple], acknowledged: dict[str, str], sent: int) -> Accounts:
    accounts = Accounts()
    _submissions(accounts, {"learner0001": acknowledged}, {"learner0001": sent}, rows)
    return accounts


def test_a_graded_submission_with_its_score_is_accounted_for() -> None:
    accounts = submissions([ROW], {"id-1": "full"}, 1)
    assert accounts.problems == [] and accounts.graded == 1


def test_each_submission_fault_is_reported() -> None:
    assert submissions([], {"id-1": "full"}, 1).submissions_lost == ["id-1"]
    assert submissions([ROW, (*ROW[:1], "id-2", *ROW[2:])], {"id-1": "full"},
                       1).submissions_extra
    assert submissions([(*ROW[:2], "running", None, None, 0, 0)], {"id-1": "full"},
                       1).unfinished == 1
    assert submissions([(*ROW[:5], 2, 0)], {"id-1": "full"}, 1).graded_twice
    assert submissions([ROW], {"id-1": "zero"}, 1).wrong_score
    assert submissions([(*ROW[:2], "failed", None, None, 1, 3)], {"id-1": "full"},
                       1).graded_twice  # failed, yet it has a result


def test_failed_not_your_fault_is_finished_and_retries_are_counted() -> None:
    accounts = submissions([(*ROW[:2], "failed", None, None, 0, 3)], {"id-1": "full"}, 1)
    assert accounts.problems == []
    assert accounts.failed_not_your_fault == 1
    assert accounts.graded_again_after_a_lost_worker == 1
