"""POST /api/check: lesson "try it" questions, graded against the answer kept on the server."""

from __future__ import annotations

import pytest
import sympy as sp

from nablalab.assess import check_answer
from nablalab.course import load_course
from tests.web.api.conftest import post_json

URL = "/api/check"
PRODUCT = "product-rule-x2-sin"
GRADIENT = "gradient-of-x2y"


def test_the_content_declares_try_it_questions_whose_answers_are_right():
    """The expected answers in the content are themselves checked against SymPy."""
    questions = load_course().try_its()
    x, y = sp.symbols("x y", real=True)
    by_sympy = {
        PRODUCT: sp.diff(x**2 * sp.sin(x), x),
        "partial-x-of-x2y-sin": sp.diff(x**2 * y + 3 * y * sp.Symbol("z", real=True) ** 3
                                        + sp.sin(x), x),
        GRADIENT: sp.Matrix([sp.diff(x**2 * y, v) for v in (x, y)]),
    }
    assert set(by_sympy) <= set(questions)
    for question_id, reference in by_sympy.items():
        question = questions[question_id]
        result = check_answer(reference, question.answer, question.kind,
                              list(question.variables))
        assert result.correct, question_id


def test_a_right_answer_in_another_form_is_correct(client, db):
    response = post_json(client, URL, {"question": PRODUCT, "answer": "x(2sin(x) + x cos(x))"})
    assert response.status_code == 200
    data = response.json()
    assert data["question"] == PRODUCT
    assert data["valid"] and data["correct"] and data["score"] == 1.0
    assert data["diagnosis"] == "correct"


def test_a_foreseen_mistake_gets_the_authors_feedback(client, db):
    data = post_json(client, URL, {"question": PRODUCT, "answer": "2x cos(x)"}).json()
    assert data["valid"] and not data["correct"]
    assert data["diagnosis"] == "declared_mistake"
    assert "product of the two derivatives" in data["feedback"]


def test_a_vector_answer_gets_feedback_per_entry(client, db):
    data = post_json(client, URL, {"question": GRADIENT, "answer": "[2xy, x]"}).json()
    assert data["valid"] and not data["correct"] and data["score"] == 0.5
    assert [part["correct"] for part in data["parts"]] == [True, False]
    assert data["parts"][1]["label"] == "entry 2"


def test_an_unreadable_answer_uses_no_attempt_and_says_why(client, db):
    data = post_json(client, URL, {"question": PRODUCT, "answer": "2x sin(x"}).json()
    assert data["valid"] is False and data["diagnosis"] == "invalid"
    assert data["error"]["position"] is not None


def test_the_expected_answer_cannot_be_sent_or_leaked(client, db):
    response = post_json(client, URL, {"question": PRODUCT, "answer": "1", "expected": "1"})
    assert response.status_code == 422
    assert "expected is not accepted" in response.json()["detail"]
    data = post_json(client, URL, {"question": PRODUCT, "answer": "1"}).json()
    assert "x^2*cos(x)" not in str(data) and "expected" not in data


def test_an_unknown_question_is_a_404(client, db):
    response = post_json(client, URL, {"question": "no-such-question", "answer": "1"})
    assert response.status_code == 404
    assert "no try-it question 'no-such-question'" in response.json()["detail"]


@pytest.mark.parametrize("question", ["../etc", "a b", "x" * 101])
def test_question_ids_are_checked_before_lookup(client, db, question):
    assert post_json(client, URL, {"question": question, "answer": "1"}).status_code == 422


def test_a_repeated_answer_is_answered_from_the_cache(client, db, monkeypatch):
    from nablalab.web.api import endpoints
    first = post_json(client, URL, {"question": PRODUCT, "answer": "2x cos(x)"}).json()
    calls = []
    monkeypatch.setattr(endpoints, "check_answer",
                        lambda *args, **kwargs: calls.append(args) or 1 / 0)
    again = post_json(client, URL, {"question": PRODUCT, "answer": "  2x   cos(x) "}).json()
    assert again == first and calls == []
    with pytest.raises(ZeroDivisionError):  # a different answer is checked afresh
        post_json(client, URL, {"question": PRODUCT, "answer": "2x cos(x) + 1"})
