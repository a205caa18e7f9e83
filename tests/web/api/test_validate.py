"""POST /api/validate: the live preview reads an answer, never grades it."""

from __future__ import annotations

import pytest
import sympy as sp

from nablalab.mathinput import parse
from tests.web.api.conftest import post_json

URL = "/api/validate"


def test_a_readable_answer_comes_back_as_text_and_latex(client, db):
    response = post_json(client, URL, {"answer": "2x sin(x)^2", "variables": "x"})
    assert response.status_code == 200
    data = response.json()
    assert data["valid"] is True and data["message"] == "" and data["position"] is None
    x = sp.Symbol("x", real=True)
    # The interpretation means the same as the input, independently of how it is printed.
    assert sp.simplify(parse(data["interpreted"]).expr - 2 * x * sp.sin(x) ** 2) == 0
    assert "\\sin" in data["latex"]


def test_an_unreadable_answer_says_where_and_why(client, db):
    data = post_json(client, URL, {"answer": "sin(x^2 +"}).json()
    assert data["valid"] is False and data["interpreted"] == "" and data["latex"] == ""
    assert data["position"] == 8 and data["message"][0].isupper()
    assert data["hint"]


def test_names_outside_the_declared_variables_are_refused(client, db):
    data = post_json(client, URL, {"answer": "x + t", "variables": ["x", "y"]}).json()
    assert data["valid"] is False and data["position"] == 4 and "t" in data["message"]


def test_a_number_answer_allows_no_variables(client, db):
    assert post_json(client, URL, {"answer": "sqrt(2)/2", "kind": "number"}).json()["valid"]
    data = post_json(client, URL, {"answer": "x/2", "kind": "number"}).json()
    assert data["valid"] is False


@pytest.mark.parametrize("body", [
    {},
    {"answer": 3},
    {"answer": "x" * 501},
    {"answer": "x", "kind": "choice"},
    {"answer": "x", "variables": "x" * 101},
    {"answer": "x", "expected": "x"},
])
def test_malformed_requests_get_a_422_naming_the_problem(client, db, body):
    response = post_json(client, URL, body)
    assert response.status_code == 422
    assert response.json()["detail"].startswith("Invalid request:")


def test_the_extra_field_is_named(client, db):
    detail = post_json(client, URL, {"answer": "x", "expected": "x"}).json()["detail"]
    assert "expected is not accepted" in detail


def test_get_is_not_allowed(client, db):
    assert client.get(URL).status_code == 405
