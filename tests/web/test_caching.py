"""The cached visitor pages: served without queries, each with its own working CSRF token,
retired by a content sync, and never shown to (or built from) a signed-in learner."""

from __future__ import annotations

import re
import shutil

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from nablalab.course import default_content_dir, load_course
from nablalab.web.catalog.lookup import content_version
from nablalab.web.catalog.models import Lesson
from nablalab.web.catalog.sync import sync_course
from nablalab.web.catalog.views import CSRF_SLOT, PAGE_CACHE
from nablalab.web.learning.models import Enrolment, LessonCompletion

pytestmark = pytest.mark.django_db

LESSON = reverse("catalog:lesson", args=["what-is-calculus", "product-rule"])
TOKEN = re.compile(r'data-csrf-token="([^"]*)"')


@pytest.fixture(autouse=True)
def _empty_page_cache():
    # Test transactions roll back, a cached page would not: start and end with none.
    caches[PAGE_CACHE].clear()
    yield
    caches[PAGE_CACHE].clear()


@pytest.fixture
def content(tmp_path):
    """A private copy of the real content, to edit."""
    root = tmp_path / "content"
    shutil.copytree(default_content_dir(), root)
    return root


def _retitle(content, old: str, new: str) -> None:
    path = content / "01-what-is-calculus" / "05-product-rule.md"
    text = path.read_text()
    assert f'title = "{old}"' in text
    path.write_text(text.replace(f'title = "{old}"', f'title = "{new}"'))


def test_a_visitor_lesson_is_served_from_the_cache_without_queries(
        client, course, django_assert_num_queries):
    first = client.get(LESSON).content.decode()
    with django_assert_num_queries(0):
        again = Client().get(LESSON)
    assert again.status_code == 200
    assert TOKEN.sub("", again.content.decode()) == TOKEN.sub("", first)
    assert "<h1>Product rule</h1>" in first


def test_every_cached_page_carries_a_working_token_of_its_own(course):
    tokens = []
    for _ in range(2):
        visitor = Client(enforce_csrf_checks=True)
        page = visitor.get(LESSON).content.decode()
        assert CSRF_SLOT not in page
        token = TOKEN.search(page).group(1)
        tokens.append(token)
        # The token is valid for this visitor's cookie: a protected form accepts it ...
        response = visitor.post(reverse("login"), {"username": "nobody", "password": "x",
                                                   "csrfmiddlewaretoken": token})
        assert response.status_code == 200
        # ... and a form without it is refused, so the check above was a real one.
        assert visitor.post(reverse("login"), {"username": "nobody"}).status_code == 403
    assert tokens[0] != tokens[1]


def test_a_content_sync_retires_cached_pages(content, client, course,
                                             django_capture_on_commit_callbacks):
    assert "<h1>Product rule</h1>" in client.get(LESSON).content.decode()
    assert ">Product rule</a>" in client.get("/").content.decode()
    before = content_version()
    _retitle(content, "Product rule", "The product rule")
    with django_capture_on_commit_callbacks(execute=True):
        sync_course(load_course(content))
    assert content_version() != before
    assert "<h1>The product rule</h1>" in client.get(LESSON).content.decode()
    course_page = client.get("/").content.decode()
    assert ">The product rule</a>" in course_page and ">Product rule</a>" not in course_page


def test_the_version_changes_only_when_the_change_is_committed(
        course, django_capture_on_commit_callbacks):
    before = content_version()
    lesson = Lesson.objects.get(slug="product-rule")
    with django_capture_on_commit_callbacks(execute=False) as pending:
        lesson.title = "Renamed"
        lesson.save()
    assert content_version() == before and pending
    for callback in pending:
        callback()
    assert content_version() != before


def test_syncing_unchanged_content_keeps_the_cache(course, django_capture_on_commit_callbacks):
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True) as done:
        sync_course(load_course())
    assert not done and content_version() == before


def test_a_signed_in_learner_never_gets_a_visitors_page(client, learner, other_learner,
                                                        course):
    Enrolment.objects.create(learner=learner, course=course)
    LessonCompletion.objects.create(learner=learner, lesson=Lesson.objects.get(
        slug="product-rule"))
    client.get(LESSON)  # a visitor's page is now cached
    ada, grace = Client(), Client()
    ada.force_login(learner)
    grace.force_login(other_learner)
    own = ada.get(LESSON).content.decode()
    assert "You have completed this lesson" in own and _name("ada") in own
    other = grace.get(LESSON).content.decode()
    assert "You have completed this lesson" not in other and "Enrol to track" in other
    assert _name("grace") in other and _name("ada") not in other
    visitor = Client().get(LESSON).content.decode()
    assert "Log in" in visitor and "Log out" not in visitor


def test_a_learners_page_is_never_cached_for_visitors(learner, course):
    ada = Client()
    ada.force_login(learner)
    ada.get(LESSON)  # rendered for ada first, with an empty cache
    visitor = Client().get(LESSON).content.decode()
    assert _name("ada") not in visitor and "Log out" not in visitor and "Log in" in visitor


def test_a_visitor_with_a_message_waiting_gets_a_page_of_their_own(client, course):
    client.get(LESSON)  # a visitor's page is now cached
    storage = CookieStorage(RequestFactory().get(LESSON))
    storage.add(constants.SUCCESS, "Your review is saved.")
    carrier = HttpResponse()
    storage.update(carrier)
    client.cookies[CookieStorage.cookie_name] = carrier.cookies[CookieStorage.cookie_name].value
    assert "Your review is saved." in client.get(LESSON).content.decode()
    assert "Your review is saved." not in Client().get(LESSON).content.decode()


def _name(username: str) -> str:
    """How the header names the signed-in learner."""
    return f'<span class="visually-hidden">{username}</span>'
