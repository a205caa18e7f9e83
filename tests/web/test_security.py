"""CSRF on every form, input size limits, and clear 403/404/500 pages."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from nablalab.web.catalog.models import Lesson

pytestmark = pytest.mark.django_db


def csrf_client(user=None) -> Client:
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    return client


def test_every_form_carries_a_csrf_token(enrolled_client, course):
    pages = [reverse("catalog:course"), Lesson.objects.first().get_absolute_url(),
             reverse("reviews:write"), reverse("learning:dashboard")]
    for page in pages:
        html = enrolled_client.get(page).content.decode()
        forms = re.findall(r"<form[^>]*method=\"post\".*?</form>", html, flags=re.S)
        assert forms, page
        for form in forms:
            assert 'name="csrfmiddlewaretoken"' in form, page


@pytest.mark.parametrize("name", ["learning:enrol", "reviews:write", "logout", "signup"])
def test_posts_without_the_token_are_refused(learner, course, name):
    response = csrf_client(learner).post(reverse(name), {"stars": 5, "text": "A fine course."})
    assert response.status_code == 403
    assert "That form could not be accepted" in response.content.decode()


def test_oversized_requests_are_refused(client, course):
    response = client.post(reverse("login"), {"username": "x" * (300 * 1024), "password": "p"})
    assert response.status_code == 400


def test_error_pages_explain(client, learner_client, course, settings):
    not_found = client.get("/nowhere/").content.decode()
    assert "Page not found" in not_found and "/nowhere/" in not_found
    forbidden = learner_client.post(
        reverse("learning:completion", args=[Lesson.objects.first().id]))
    assert forbidden.status_code == 403 and "Enrol in the course" in forbidden.content.decode()


def test_server_errors_show_a_friendly_page(course, settings):
    settings.ROOT_URLCONF = "tests.web.failing_urls"
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html and "Traceback" not in html
