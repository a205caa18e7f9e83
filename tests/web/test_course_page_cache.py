"""The course page, cached: a visitor's page and the shared review fragments are served from
the cache, yet every change a visitor or learner would notice (a review written, edited,
hidden, featured or deleted, a reviewer renamed, an enrolment, a content sync) shows on the
very next request, and nothing of one person's page reaches another's."""

from __future__ import annotations

import re
import shutil

import pytest
from django.core.cache import caches
from django.db import transaction
from django.test import Client
from django.urls import reverse

from nablalab.course import default_content_dir, load_course
from nablalab.web.catalog.sync import sync_course
from nablalab.web.catalog.views import CSRF_SLOT, PAGE_CACHE
from nablalab.web.learning.models import Enrolment
from nablalab.web.reviews.models import Review
from nablalab.web.reviews.version import reviews_version
from tests.web.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db

COURSE = reverse("catalog:course")
FORM_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')


@pytest.fixture(autouse=True)
def _empty_page_cache():
    # Test transactions roll back, a cached page would not: start and end with none.
    caches[PAGE_CACHE].clear()
    yield
    caches[PAGE_CACHE].clear()


def _review(course, name: str, stars: int, text: str, **flags) -> Review:
    author = make_user(name)
    Enrolment.objects.create(learner=author, course=course)
    return Review.objects.create(course=course, author=author, stars=stars, text=text, **flags)


def _visitor_page() -> str:
    return Client().get(COURSE).content.decode()


def _featured(html: str) -> str:
    if "Featured reviews" not in html:
        return ""
    return html[html.index("Featured reviews"):html.index("All reviews")]


def test_a_visitor_page_is_served_from_the_cache_with_one_query(
        client, course, django_assert_max_num_queries):
    _review(course, "ada", 5, "Clear and kind.")
    first = client.get(COURSE).content.decode()
    with django_assert_max_num_queries(1):  # the reviews version, nothing else
        again = Client().get(COURSE)
    assert again.status_code == 200 and again.content.decode() == first
    assert "Clear and kind." in first and "Module 1:" in first


def test_a_new_review_shows_on_the_next_visit(course):
    assert "No reviews yet" in _visitor_page()
    _review(course, "ada", 4, "The chain rule finally clicked.")
    html = _visitor_page()
    assert "The chain rule finally clicked." in html and "No reviews yet" not in html
    assert "4.0</span> out of 5" in html and "Showing 1 of 1 review" in html


def test_a_review_written_through_the_site_shows_at_once(course, enrolled_client):
    _visitor_page()
    response = enrolled_client.post(reverse("reviews:write"),
                                     {"stars": 5, "text": "Worth every evening."})
    assert response.status_code == 302
    assert "Worth every evening." in _visitor_page()
    enrolled_client.post(reverse("reviews:write"), {"stars": 3, "text": "On reflection, fine."})
    html = _visitor_page()
    assert "On reflection, fine." in html and "Worth every evening." not in html
    assert "3.0</span> out of 5" in html


def test_hiding_and_featuring_show_at_once(course, staff_client):
    review = _review(course, "ada", 2, "Too fast for me.")
    assert "Too fast for me." not in _featured(_visitor_page())
    moderate = reverse("reviews:moderate", args=[review.id])
    staff_client.post(moderate, {"action": "feature"})
    assert "Too fast for me." in _featured(_visitor_page())
    staff_client.post(moderate, {"action": "hide"})
    html = _visitor_page()
    assert "Too fast for me." not in html and "No reviews yet" in html
    staff_client.post(moderate, {"action": "show"})
    assert "Too fast for me." in _visitor_page()


def test_a_renamed_or_deleted_reviewer_shows_at_once(course):
    review = _review(course, "ada", 5, "Lovely pictures.")
    assert ">ada</span>" in _visitor_page()
    review.author.first_name, review.author.last_name = "Ada", "Lovelace"
    review.author.save()
    html = _visitor_page()
    assert ">Ada Lovelace</span>" in html and ">AL</span>" in html
    review.author.delete()
    html = _visitor_page()
    assert "Lovely pictures." not in html and "No reviews yet" in html


def test_a_reviewers_login_keeps_the_cached_reviews(course):
    review = _review(course, "grace", 5, "Good.")
    before = reviews_version()
    assert Client().login(username="grace", password=PASSWORD)
    review.author.refresh_from_db()
    assert review.author.last_login is not None  # the login did save the user
    assert reviews_version() == before


def test_a_rolled_back_change_leaves_the_version_and_never_reissues_it(course):
    before = reviews_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        _review(course, "ada", 1, "Never written.")
        inside = reviews_version()
        assert inside != before
        raise RuntimeError("the request failed")
    assert reviews_version() == before
    _review(course, "grace", 5, "Written.")
    assert reviews_version() not in (before, inside)


def test_enrolment_changes_what_a_signed_in_learner_sees(course, learner, learner_client):
    _review(course, "grace", 5, "Shared with everyone.")
    _visitor_page()  # the visitor's page and the review fragments are now cached
    page = learner_client.get(COURSE).content.decode()
    assert f'action="{reverse("learning:enrol")}"' in page and "Go to your dashboard" not in page
    assert "Shared with everyone." in page
    learner_client.post(reverse("learning:enrol"))
    page = learner_client.get(COURSE).content.decode()
    assert "Go to your dashboard" in page and "Review this course" in page
    assert "Welcome to" not in _visitor_page()
    learner_client.post(reverse("reviews:write"), {"stars": 4, "text": "My own words."})
    page = learner_client.get(COURSE).content.decode()
    assert "Edit your review" in page and "My own words." in page
    visitor = _visitor_page()
    assert "My own words." in visitor and "Go to your dashboard" not in visitor
    assert "Log in" in visitor and "Log out" not in visitor


def test_a_signed_in_learner_reuses_the_shared_parts(
        course, enrolled_client, django_assert_max_num_queries):
    _review(course, "grace", 5, "Shared with everyone.")
    enrolled_client.get(COURSE)
    # session, user, reviews version, enrolment and own review: not the course, no review
    with django_assert_max_num_queries(4):
        page = enrolled_client.get(COURSE).content.decode()
    assert "Shared with everyone." in page and "Go to your dashboard" in page


def test_every_signed_in_learner_gets_a_working_token_of_their_own(course, learner,
                                                                    other_learner):
    _visitor_page()
    tokens = []
    for person in (learner, other_learner):
        browser = Client(enforce_csrf_checks=True)
        browser.force_login(person)
        page = browser.get(COURSE).content.decode()
        assert CSRF_SLOT not in page
        token = FORM_TOKEN.search(page).group(1)
        tokens.append(token)
        # Refused without the token, so the accepted post below is a real check.
        assert browser.post(reverse("learning:enrol")).status_code == 403
        enrolled = browser.post(reverse("learning:enrol"), {"csrfmiddlewaretoken": token})
        assert enrolled.status_code == 302
        assert Enrolment.objects.filter(learner=person, course=course).exists()
    assert tokens[0] != tokens[1]
    visitor = _visitor_page()
    assert "csrfmiddlewaretoken" not in visitor and CSRF_SLOT not in visitor


def test_staff_moderation_never_reaches_a_learners_page(course, staff_client,
                                                        enrolled_client):
    _review(course, "grace", 3, "Fine.")
    assert 'value="feature"' in staff_client.get(COURSE).content.decode()
    assert 'value="feature"' not in enrolled_client.get(COURSE).content.decode()
    assert 'value="feature"' not in _visitor_page()
    # ... nor the other way round: staff still get their buttons once a learner's is cached.
    assert 'value="hide"' in staff_client.get(COURSE).content.decode()


def test_other_filters_and_pages_are_right_and_leave_the_shared_page_alone(course):
    _review(course, "ada", 5, "Five stars from ada.")
    _review(course, "grace", 2, "Two stars from grace.")
    _visitor_page()
    fives = Client().get(COURSE, {"stars": 5}).content.decode()
    assert "Five stars from ada." in fives and "Two stars from grace." not in fives
    _review(course, "alan", 5, "Five stars from alan.")
    fives = Client().get(COURSE, {"stars": 5}).content.decode()
    assert "Five stars from alan." in fives
    everyone = Client().get(COURSE, {"utm_source": "newsletter"}).content.decode()
    assert all(text in everyone for text in ("ada.", "grace.", "alan."))
    assert everyone == _visitor_page()


def test_a_content_sync_changes_the_page_for_everyone(tmp_path, course, learner_client,
                                                      django_capture_on_commit_callbacks):
    content = tmp_path / "content"
    shutil.copytree(default_content_dir(), content)
    path = content / "01-what-is-calculus" / "05-product-rule.md"
    assert ">Product rule</a>" in _visitor_page()
    assert ">Product rule</a>" in learner_client.get(COURSE).content.decode()
    path.write_text(path.read_text().replace('title = "Product rule"',
                                             'title = "The product rule"'))
    with django_capture_on_commit_callbacks(execute=True):
        sync_course(load_course(content))
    for page in (_visitor_page(), learner_client.get(COURSE).content.decode()):
        assert ">The product rule</a>" in page and ">Product rule</a>" not in page
