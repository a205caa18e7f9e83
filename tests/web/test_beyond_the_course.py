"""The three modules beyond the course on the site: listed under their own heading, marked on
their pages, practised like any module, and never part of what completing the course takes."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from nablalab.course import load_course
from nablalab.web.catalog.models import Module
from nablalab.web.quizzes.completion import graded_standings

pytestmark = pytest.mark.django_db


def test_sync_marks_modules_seven_to_nine_as_extra(course):
    assert list(Module.objects.filter(extra=True).values_list("number", flat=True)) == [7, 8, 9]


def test_course_page_lists_them_under_beyond_the_course(client, course):
    html = client.get(reverse("catalog:course")).content.decode()
    syllabus, beyond = html.split('id="syllabus-heading-extra"', 1)
    assert "Beyond the course</h2>" in beyond
    for module in Module.objects.all():
        link = f'href="{module.get_absolute_url()}"'
        assert link in (beyond if module.extra else syllabus), module.number
        assert link not in (syllabus if module.extra else beyond), module.number
    assert re.search(r"<strong>6 modules</strong>", html)
    assert re.search(r"<strong>3 further modules</strong> beyond the course", html)


def test_module_page_says_it_is_beyond_the_course(client, course):
    extra = client.get(Module.objects.get(number=8).get_absolute_url()).content.decode()
    regular = client.get(Module.objects.get(number=1).get_absolute_url()).content.decode()
    assert 'id="beyond-heading">Beyond the course</h2>' in extra
    assert "completing the course does not depend on them" in extra
    assert "beyond-heading" not in regular


def test_their_practice_quizzes_draw_questions_for_visitors(client, course):
    for module in Module.objects.filter(extra=True):
        for item in module.items.all():
            assert item.kind == "practice-quiz" and not item.graded
            args = [module.slug, item.slug]
            assert client.get(reverse("quizzes:quiz", args=args)).status_code == 200
            started = client.post(reverse("quizzes:start", args=args))
            assert started.status_code == 302, item.slug
            sheet = client.get(started.url).content.decode()
            assert "Question 5" in sheet, item.slug


def test_completion_needs_exactly_the_graded_work_of_the_six_course_modules(learner, course):
    standings = graded_standings(learner, course)
    assert standings and all(not s.item.module.extra for s in standings)
    expected = {item.slug for module in load_course().modules if not module.extra
                for item in module.items if item.kind.graded}
    assert {s.item.slug for s in standings} == expected
