"""Every quiz item of the course resolves to question templates; draws are seeded."""

from __future__ import annotations

from nablalab.assess.questions import QUIZZES
from nablalab.course import load_course
from nablalab.web.quizzes.catalogue import (
    ITEM_QUIZZES,
    QUIZ_KINDS,
    draw_questions,
    graded_seed,
    quiz_id_for,
    templates_for,
)


def test_every_quiz_item_maps_to_a_quiz_of_the_same_kind_with_templates():
    quizzes = {q.id: q for q in QUIZZES}
    items = [item for module in load_course().modules for item in module.items
             if item.kind in QUIZ_KINDS]
    assert len(items) == len(ITEM_QUIZZES)
    for item in items:
        quiz = quizzes[quiz_id_for(item.slug)]
        assert quiz.graded == (item.kind == "graded-quiz"), item.slug
        assert templates_for(quiz.id), item.slug


def test_draws_have_five_or_six_questions_using_every_template_before_repeating():
    for quiz_id in ITEM_QUIZZES.values():
        drawn = draw_questions(quiz_id, 7)
        assert len(drawn) in (5, 6)
        slugs = [q["slug"] for q in drawn]
        templates = {t.slug for t in templates_for(quiz_id)}
        assert set(slugs) <= templates
        assert len(set(slugs)) == min(len(templates), len(drawn))
        assert len({(q["slug"], q["seed"]) for q in drawn}) == len(drawn)


def test_draws_and_graded_seeds_are_deterministic_and_vary():
    quiz = "m1-graded-toolbox"
    assert draw_questions(quiz, 3) == draw_questions(quiz, 3)
    assert draw_questions(quiz, 3) != draw_questions(quiz, 4)
    assert graded_seed(1, quiz, 1) == graded_seed(1, quiz, 1)
    assert len({graded_seed(u, quiz, n) for u in (1, 2) for n in (1, 2)}) == 4
