"""The figures on a class whose every answer is known (see conftest), checked against
hand-computed values and against the quizzes app's own per-learner standings."""

from __future__ import annotations

from datetime import timedelta

import pytest

from nablalab.web.analytics.learner_table import learner_table
from nablalab.web.analytics.question_stats import normalise, question_stats
from nablalab.web.catalog.models import Lesson
from nablalab.web.quizzes.completion import graded_standings

from .conftest import CHAIN, INTEGRATED, PRODUCT, SIGN_SLIP, T0

pytestmark = pytest.mark.django_db


def by_key(stats):
    return {(s.template, s.part): s for s in stats}


def test_attempts_success_and_mean_score_per_part(klass):
    stats = by_key(question_stats())
    product, chain = stats[PRODUCT, "answer"], stats[CHAIN, "a"]
    assert (product.attempts, product.correct) == (4, 1)
    assert product.success_rate == pytest.approx(0.25)
    assert product.mean_score == pytest.approx(0.25)
    assert (chain.attempts, chain.correct) == (3, 2)
    assert chain.success_rate == pytest.approx(2 / 3)
    assert chain.mean_score == pytest.approx(2.5 / 3)
    assert set(stats) == {(PRODUCT, "answer"), (CHAIN, "a")}


def test_wrong_answers_are_counted_with_spacing_normalised(klass):
    stats = by_key(question_stats())
    assert stats[PRODUCT, "answer"].wrong_answers == (("x^2", 2), ('=HYPERLINK("http://x")', 1))
    assert stats[CHAIN, "a"].wrong_answers == (("-cos(x)", 1),)


def test_mistakes_are_counted_with_their_feedback(klass):
    mistakes = by_key(question_stats())[PRODUCT, "answer"].mistakes
    assert [(m.diagnosis, m.feedback, m.count) for m in mistakes] == [
        ("antiderivative", INTEGRATED, 2), ("declared_mistake", SIGN_SLIP, 1)]


@pytest.mark.parametrize(("sort", "first"), [
    ("-attempts", PRODUCT), ("attempts", CHAIN), ("success", PRODUCT), ("-success", CHAIN),
    ("nonsense", PRODUCT)])
def test_sorting(klass, sort, first):
    assert question_stats(sort)[0].template == first


@pytest.mark.parametrize(("typed", "expected"), [
    ("  x ^ 2 ", "x^2"), ("2 x", "2 x"), ("sin( x ) + 1", "sin(x)+1"), ("", "(blank)"),
    ("[1, 2]", "[1,2]")])
def test_normalise(typed, expected):
    assert normalise(typed) == expected


def test_learner_table(klass, course):
    table = learner_table(course)
    assert table.lessons_total == Lesson.objects.filter(module__course=course).count()
    assert [q.pk for q in table.quizzes] == [q.pk for q in klass.counted]
    ada, grace = table.rows  # the visitor never enrolled
    assert (ada.learner, ada.enrolled_at, ada.lessons_done) == ("ada", T0, 2)
    assert [s.best for s in ada.standings] == [0.9] * len(klass.counted)
    assert ada.passed and ada.last_activity == T0 + timedelta(days=4)
    assert (grace.learner, grace.enrolled_at, grace.lessons_done) == (
        "grace", T0 + timedelta(days=1), 1)
    assert [s.best for s in grace.standings] == [0.6] + [None] * (len(klass.counted) - 1)
    assert not grace.passed and grace.last_activity == T0 + timedelta(days=7)


def test_best_scores_agree_with_the_quizzes_app(klass, course):
    rows = {row.learner: row for row in learner_table(course).rows}
    for learner in (klass.ada, klass.grace):
        reference = graded_standings(learner, course)
        assert [s.best for s in rows[learner.username].standings] == [s.best for s in reference]
