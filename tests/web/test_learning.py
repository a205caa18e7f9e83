"""Enrolment, completion and the dashboard: login required, and only ever one's own data."""

from __future__ import annotations

import pytest
from django.urls import reverse

from nablalab.web.catalog.models import Lesson, Module
from nablalab.web.learning.models import Enrolment, LessonCompletion

pytestmark = pytest.mark.django_db


def completion_url(lesson: Lesson) -> str:
    return reverse("learning:completion", args=[lesson.id])


@pytest.mark.parametrize(("method", "name"), [("get", "learning:dashboard"),
                                              ("post", "learning:enrol")])
def test_learner_pages_ask_visitors_to_log_in(client, course, method, name):
    response = getattr(client, method)(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_visitors_cannot_mark_lessons(client, course):
    lesson = Lesson.objects.first()
    response = client.post(completion_url(lesson), {"done": "1"})
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert not LessonCompletion.objects.exists()


def test_enrolling_is_a_post_and_happens_once(learner, learner_client, course):
    assert learner_client.get(reverse("learning:enrol")).status_code == 405
    for _ in range(2):
        response = learner_client.post(reverse("learning:enrol"))
        assert response.status_code == 302 and response.url == reverse("learning:dashboard")
    assert Enrolment.objects.filter(learner=learner).count() == 1


def test_enrol_returns_only_to_pages_of_this_site(learner_client, course):
    lesson = Lesson.objects.first()
    back = learner_client.post(reverse("learning:enrol"), {"next": lesson.get_absolute_url()})
    assert back.url == lesson.get_absolute_url()
    away = learner_client.post(reverse("learning:enrol"), {"next": "https://evil.example/"})
    assert away.url == reverse("learning:dashboard")


def test_completion_needs_enrolment(learner_client, course):
    lesson = Lesson.objects.first()
    response = learner_client.post(completion_url(lesson), {"done": "1"})
    assert response.status_code == 403
    assert "Enrol in the course" in response.content.decode()
    assert not LessonCompletion.objects.exists()


def test_marking_and_unmarking_a_lesson(learner, enrolled_client, course):
    lesson = Lesson.objects.get(slug="chain-rule")
    response = enrolled_client.post(completion_url(lesson), {"done": "1"})
    assert response.status_code == 302 and response.url == lesson.get_absolute_url()
    assert LessonCompletion.objects.filter(learner=learner, lesson=lesson).exists()
    page = enrolled_client.get(lesson.get_absolute_url()).content.decode()
    assert "You have completed this lesson" in page
    enrolled_client.post(completion_url(lesson), {"done": "0"})
    assert not LessonCompletion.objects.filter(learner=learner, lesson=lesson).exists()


def test_completion_updates_in_place_for_htmx(enrolled_client, course):
    lesson = Lesson.objects.get(slug="product-rule")
    response = enrolled_client.post(completion_url(lesson), {"done": "1"},
                                    headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    total = lesson.module.lessons.count()
    assert f"Module 1: 1 of {total} lessons complete." in html
    assert "Mark as not complete" in html


def test_dashboard_shows_progress_and_the_next_lesson(enrolled_client, learner, course):
    first_two = list(Lesson.objects.filter(module__number=1)[:2])
    for lesson in first_two:
        enrolled_client.post(completion_url(lesson), {"done": "1"})
    html = enrolled_client.get(reverse("learning:dashboard")).content.decode()
    total = Lesson.objects.count()
    assert f"Progress: 2 of {total} lessons" in html
    third = Lesson.objects.filter(module__number=1)[2]
    assert f"Continue: {third.title}" in html
    module_one = Module.objects.get(number=1)
    assert f'<progress max="{module_one.lessons.count()}" value="2"' in html


def test_dashboard_when_everything_is_done(enrolled_client, learner, course):
    LessonCompletion.objects.bulk_create(
        LessonCompletion(learner=learner, lesson=lesson) for lesson in Lesson.objects.all())
    html = enrolled_client.get(reverse("learning:dashboard")).content.decode()
    assert "You have completed every lesson" in html


def test_dashboard_offers_enrolment_to_the_unenrolled(learner_client, course):
    html = learner_client.get(reverse("learning:dashboard")).content.decode()
    assert "not enrolled" in html and reverse("learning:enrol") in html


def test_one_learner_never_sees_or_changes_anothers_progress(
        enrolled_client, learner, other_learner, course, client):
    lessons = list(Lesson.objects.all()[:3])
    Enrolment.objects.create(learner=other_learner, course=course)
    LessonCompletion.objects.bulk_create(
        LessonCompletion(learner=other_learner, lesson=lesson) for lesson in lessons)
    # The learner's dashboard counts only their own work...
    html = enrolled_client.get(reverse("learning:dashboard")).content.decode()
    assert f"Progress: 0 of {Lesson.objects.count()} lessons" in html
    assert "You have completed this lesson" not in enrolled_client.get(
        lessons[0].get_absolute_url()).content.decode()
    # ... and unmarking a lesson touches only their own record.
    enrolled_client.post(completion_url(lessons[0]), {"done": "0", "learner": other_learner.id})
    assert LessonCompletion.objects.filter(learner=other_learner).count() == 3
    enrolled_client.post(completion_url(lessons[1]), {"done": "1", "learner": other_learner.id})
    assert LessonCompletion.objects.filter(learner=learner).count() == 1
    assert LessonCompletion.objects.filter(learner=other_learner).count() == 3


def test_completion_of_an_unknown_lesson_is_404(enrolled_client, course):
    assert enrolled_client.post(reverse("learning:completion", args=[999999])).status_code == 404
