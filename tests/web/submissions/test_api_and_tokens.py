"""API tokens (created on the account, stored as a hash, revocable) and the JSON API the
command line uses: submit, then poll; each learner reaches only their own submissions."""

from __future__ import annotations

import hashlib
import re

import pytest
from django.test import Client

from nablalab.web.quizzes.completion import graded_standings
from nablalab.web.submissions import tokens
from nablalab.web.submissions.models import ApiToken, Status, Submission
from tests.web.submissions.helpers import graded

SUBMIT = "/api/assignments/backprop/submissions"


def _bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.fixture
def token(learner) -> str:
    return tokens.create(learner, "laptop")[1]


def test_a_token_is_shown_once_and_only_its_hash_is_kept(learner_client, learner):
    page = learner_client.post("/assignments/tokens/", {"name": "laptop"}).content.decode()
    shown = re.search(r'value="(nl_[^"]+)"', page).group(1)
    row = ApiToken.objects.get(learner=learner)
    assert row.digest == hashlib.sha256(shown.encode()).hexdigest()
    assert shown not in {row.name, row.prefix, row.digest} and row.prefix == shown[:10]
    listing = learner_client.get("/assignments/tokens/").content.decode()
    assert "laptop" in listing and shown not in listing


def test_revoked_tokens_stop_working_and_only_their_owner_can_revoke(learner, other_learner,
                                                                     token):
    row = ApiToken.objects.get(learner=learner)
    intruder = Client()
    intruder.force_login(other_learner)
    assert intruder.post(f"/assignments/tokens/{row.pk}/revoke/").status_code == 404
    assert Client().get("/api/submissions/00000000-0000-0000-0000-000000000000",
                        **_bearer(token)).status_code == 404  # authenticated, nothing there
    owner = Client()
    owner.force_login(learner)
    assert owner.post(f"/assignments/tokens/{row.pk}/revoke/").status_code == 302
    assert Client().post(SUBMIT, {"source": "x = 1\n"}, content_type="application/json",
                         **_bearer(token)).status_code == 401


def test_submit_then_poll_through_the_api(learner, token):
    client = Client()
    response = client.post(SUBMIT, {"filename": "mine.py", "source": "def J_b3():\n  pass\n"},
                           content_type="application/json", **_bearer(token))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "queued" and body["filename"] == "mine.py"
    submission = Submission.objects.get(public_id=body["id"])
    assert submission.learner == learner and submission.via == "cli"
    status = client.get(f"/api/submissions/{body['id']}", **_bearer(token)).json()
    assert status["status"] == "queued" and status["tests"] == []


def test_api_results_carry_hidden_counts_and_per_test_feedback(learner, token):
    row = graded(learner, {"public": (2, 2), "hidden": (1, 3)})
    body = Client().get(f"/api/submissions/{row.public_id}", **_bearer(token)).json()
    assert body["hidden"] == {"passed": 1, "total": 3} and body["points"] == 3
    assert [t["passed"] for t in body["tests"] if not t["public"]] == [True, False, False]
    assert body["tests"][-1]["message"] == "hidden feedback 3"


def test_the_api_never_shows_another_learners_submission(other_learner, token):
    theirs = graded(other_learner, {"public": (1, 1), "hidden": (1, 1)})
    response = Client().get(f"/api/submissions/{theirs.public_id}", **_bearer(token))
    assert response.status_code == 404


@pytest.mark.parametrize(("path", "body", "headers", "status", "message"), [
    (SUBMIT, {"source": "x = 1\n"}, {}, 401, "Unauthorized"),
    (SUBMIT, {"source": "x = 1\n"}, {"HTTP_AUTHORIZATION": "Bearer nl_wrong"}, 401,
     "Unauthorized"),
    ("/api/assignments/nope/submissions", {"source": "x = 1\n"}, None, 404,
     "no assignment 'nope'"),
    (SUBMIT, {"source": "   "}, None, 422, "empty"),
    (SUBMIT, {"source": "x = 1\n", "expected": 1}, None, 422, "not accepted"),
])
def test_bad_api_requests_get_a_reason(db, token, path, body, headers, status, message):
    response = Client().post(path, body, content_type="application/json",
                             **(_bearer(token) if headers is None else headers))
    assert response.status_code == status
    assert message in response.json()["detail"]


def test_api_submissions_are_rate_limited(learner, token, settings):
    settings.API_RATES = {**settings.API_RATES, "assignment": "1/min"}
    client = Client()
    first = client.post(SUBMIT, {"source": "x = 1\n"}, content_type="application/json",
                        **_bearer(token))
    assert first.status_code == 201
    second = client.post(SUBMIT, {"source": "x = 1\n"}, content_type="application/json",
                         **_bearer(token))
    assert second.status_code == 429 and "Retry-After" in second


def test_the_best_graded_assignment_score_counts_towards_completion(learner, course):
    standings = {s.item.title: s for s in graded_standings(learner, course)}
    assert standings["Backpropagation"].best is None
    assert standings["Backpropagation"].url.endswith("/activities/backpropagation/")
    graded(learner, {"public": (1, 2), "hidden": (1, 2)})
    graded(learner, {"public": (2, 2), "hidden": (3, 4)})
    failed = graded(learner, {"public": (2, 2), "hidden": (4, 4)})
    Submission.objects.filter(pk=failed.pk).update(status=Status.FAILED)  # never counts
    standings = {s.item.title: s for s in graded_standings(learner, course)}
    assert standings["Backpropagation"].best == pytest.approx(5 / 6)
    assert standings["Fitting the distribution of height data"].best is None
