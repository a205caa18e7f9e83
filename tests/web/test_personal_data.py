"""A learner downloads everything recorded about them (and nothing about anyone else, and
no secrets), and can delete their account with all of it."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import User

from nablalab.web.learning.models import Enrolment
from nablalab.web.reviews.models import Review
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def active(learner, other_learner, course):
    for person, text in ((learner, "Mine."), (other_learner, "Someone else's.")):
        Enrolment.objects.get_or_create(learner=person, course=course)
        Review.objects.create(course=course, author=person, stars=4, text=text)
    return learner


def test_the_export_holds_my_rows_and_no_one_elses_or_any_secret(client, active):
    client.force_login(active)
    response = client.get("/accounts/my-data/export.json")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["username"] == active.username
    assert [r["text"] for r in data["data"]["reviews.review"]] == ["Mine."]
    assert len(data["data"]["learning.enrolment"]) == 1
    text = response.content.decode()
    assert "Someone else's" not in text and "password" not in text


def test_deleting_needs_the_password_and_removes_everything(client, active, other_learner):
    client.force_login(active)
    wrong = client.post("/accounts/my-data/", {"password": "not it"})
    assert "nothing was deleted" in wrong.content.decode()
    assert User.objects.filter(pk=active.pk).exists()

    response = client.post("/accounts/my-data/", {"password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=active.pk).exists()
    assert not Review.objects.filter(author_id=active.pk).exists()
    assert not Enrolment.objects.filter(learner_id=active.pk).exists()
    assert Review.objects.filter(author=other_learner).exists()
    assert "_auth_user_id" not in client.session


def test_visitors_are_sent_to_log_in(client):
    assert client.get("/accounts/my-data/").status_code == 302
    assert client.get("/accounts/my-data/export.json").status_code == 302
