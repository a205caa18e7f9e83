"""CSRF for signed-in requests, rate limits with a clear 429, and body size limits."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.web.api.conftest import post_json
from tests.web.conftest import PASSWORD

CHECK = {"question": "product-rule-x2-sin", "answer": "2x"}


@pytest.fixture
def strict_client() -> Client:
    return Client(enforce_csrf_checks=True)


def test_signed_in_posts_need_the_csrf_token(strict_client, learner):
    assert strict_client.login(username=learner.username, password=PASSWORD)
    refused = post_json(strict_client, "/api/check", CHECK)
    assert refused.status_code == 403
    assert "reload the page" in refused.json()["detail"]

    strict_client.get("/modules/what-is-calculus/lessons/product-rule/")  # sets the cookie
    token = strict_client.cookies["csrftoken"].value
    accepted = post_json(strict_client, "/api/check", CHECK, X_CSRFToken=token)
    assert accepted.status_code == 200 and accepted.json()["valid"]


def test_anonymous_posts_carry_no_session_so_need_no_token(strict_client, db):
    assert post_json(strict_client, "/api/validate", {"answer": "x"}).status_code == 200


def test_checks_are_rate_limited_per_address_with_a_clear_message(client, db, settings):
    settings.API_RATES = {**settings.API_RATES, "check": "3/min"}
    codes = [post_json(client, "/api/check", CHECK).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    refused = post_json(client, "/api/check", CHECK)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) >= 1
    assert refused.json()["detail"].startswith("Too many requests: please wait")

    # A made-up X-Forwarded-For is no way out: no proxy is trusted unless configured.
    assert post_json(client, "/api/check", CHECK,
                     X_Forwarded_For="203.0.113.9").status_code == 429
    settings.TRUSTED_PROXIES = 1  # behind nginx, the address nginx appended counts
    other_address = post_json(client, "/api/check", CHECK, X_Forwarded_For="203.0.113.9")
    assert other_address.status_code == 200


def test_signed_in_learners_are_limited_each_on_their_own(learner_client, db, settings,
                                                          other_learner):
    settings.API_RATES = {**settings.API_RATES, "preview": "2/min"}
    for _ in range(2):
        assert post_json(learner_client, "/api/validate", {"answer": "x"}).status_code == 200
    assert post_json(learner_client, "/api/validate", {"answer": "x"}).status_code == 429
    other = Client()
    other.force_login(other_learner)
    assert post_json(other, "/api/validate", {"answer": "x"}).status_code == 200


def test_oversized_bodies_are_refused_before_parsing(client, db):
    body = {"answer": "x", "padding": "y" * 10_000}
    response = post_json(client, "/api/validate", body)
    assert response.status_code == 413
    assert "too large" in response.json()["detail"]


@pytest.mark.parametrize(("path", "fits", "refused"), [
    ("/api/check", 8_000, 9_000),
    ("/api/widgets/linear-fit", 60_000, 70_000),
    ("/api/assignments/backprop/submissions", 150_000, 170_000),
])
def test_each_part_of_the_api_gets_the_room_it_needs_and_no_more(client, db, path, fits,
                                                                 refused):
    from nablalab.web.api.limits import body_limit
    limit, _ = body_limit(path)
    assert fits <= limit < refused
    response = client.post(path, "x" * refused, content_type="application/json")
    assert response.status_code == 413 and f"at most {limit}" in response.json()["detail"]


def test_a_database_outage_gets_a_json_503_that_says_when_to_retry(client, db, monkeypatch):
    from django.db import DatabaseError

    from nablalab.web.api import endpoints

    def down(*args, **kwargs):
        raise DatabaseError("could not connect to server")
    monkeypatch.setattr(endpoints, "find_try_it", down)
    response = post_json(client, "/api/check", {"question": "any", "answer": "x"})
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert "briefly unavailable" in response.json()["detail"]
