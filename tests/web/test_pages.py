"""The public pages: readable without an account, complete, with maths left for KaTeX."""

from __future__ import annotations

import re
from html import escape

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from nablalab.web.catalog.models import Lesson, Module, ModuleItem

pytestmark = pytest.mark.django_db


def test_course_page_shows_the_facts_and_the_syllabus(client, course):
    response = client.get(reverse("catalog:course"))
    assert response.status_code == 200
    html = response.content.decode()
    assert course.title in html
    assert "not affiliated" in html and "Imperial College London" in html
    assert "<strong>Beginner</strong>" in html and "hours</strong> to complete" in html
    for skill in course.skills:
        assert skill in html
    for module in Module.objects.all():
        assert module.get_absolute_url() in html and module.title in html
    assert "rise over run" in html


def test_course_page_has_no_reviews_until_someone_writes_one(client, course):
    html = client.get(reverse("catalog:course")).content.decode()
    assert "No reviews yet" in html
    assert "Featured reviews" not in html
    assert "Showing 0 of 0 reviews" in html


def test_enrol_button_depends_on_who_is_looking(client, other_learner, enrolled_client):
    url = reverse("catalog:course")
    assert f'href="{reverse("signup")}?next=/"' in client.get(url).content.decode()
    client.force_login(other_learner)
    assert f'action="{reverse("learning:enrol")}"' in client.get(url).content.decode()
    enrolled = enrolled_client.get(url).content.decode()
    assert "Go to your dashboard" in enrolled and "Review this course" in enrolled


def test_module_page_lists_lessons_and_activities_in_order(client, course):
    module = Module.objects.get(number=2)
    html = client.get(module.get_absolute_url()).content.decode()
    steps = sorted([*module.lessons.all(), *module.items.all()], key=lambda s: s.position)
    positions = [html.index(step.get_absolute_url()) for step in steps]
    assert positions == sorted(positions)
    assert "Lab" in html and "Graded quiz · graded" in html


def test_lesson_page_keeps_maths_for_katex(client, course):
    lesson = Lesson.objects.get(slug="definition-of-a-derivative")
    html = client.get(lesson.get_absolute_url()).content.decode()
    assert lesson.title in html
    assert "\\lim_{\\Delta x \\to 0}" in html  # display maths intact, not Markdown-mangled
    assert '<span class="math inline">\\(f\'(x)\\)</span>' in html
    for objective in lesson.objectives:
        assert escape(objective) in html
    assert "Log in</a> or" in html  # visitors read freely and are invited to track progress


def test_lesson_page_links_to_its_neighbours_in_the_module(client, course):
    lesson = Lesson.objects.get(slug="functions")
    html = client.get(lesson.get_absolute_url()).content.decode()
    following = ModuleItem.objects.get(slug="matching-functions-visually")
    assert f'rel="next" href="{following.get_absolute_url()}"' in html


def test_lesson_widget_slot_is_rendered(client, course):
    html = client.get(Lesson.objects.get(slug="the-sandpit").get_absolute_url()).content.decode()
    assert 'data-widget="sandpit"' in html


def test_activity_page_is_a_slot_for_the_assessment(client, course):
    item = ModuleItem.objects.get(slug="unleashing-the-toolbox")
    html = client.get(item.get_absolute_url()).content.decode()
    assert item.title in html and "counts towards completion" in html
    assert 'data-activity="what-is-calculus/unleashing-the-toolbox"' in html


@pytest.mark.parametrize("path", ["/modules/no-such-module/",
                                  "/modules/what-is-calculus/lessons/no-such-lesson/",
                                  "/modules/regression/lessons/product-rule/",
                                  "/modules/regression/activities/unleashing-the-toolbox/"])
def test_unknown_or_mismatched_pages_are_404(client, course, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_every_page_asset_exists_and_no_cdn_is_used(client, course):
    html = client.get(reverse("catalog:course")).content.decode()
    assets = re.findall(r'(?:src|href)="/static/([^"]+)"', html)
    assert {"vendor/katex/katex.min.css", "vendor/katex/contrib/auto-render.min.js",
            "vendor/htmx/htmx.min.js", "nablalab/js/maths.js"} <= set(assets)
    for asset in assets:
        assert finders.find(asset), f"{asset} is missing: run `npm ci` and `nablalab assets`"
    assert not re.search(r'(?:src|href)="(?:https?:)?//', html)


def test_maths_script_asks_katex_for_mathml_too():
    script = finders.find("nablalab/js/maths.js")
    with open(script, encoding="utf-8") as handle:
        assert 'output: "htmlAndMathml"' in handle.read()


def test_security_headers(client, course):
    response = client.get(reverse("catalog:course"))
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_every_lesson_and_activity_page_renders_with_its_widgets(client, course):
    from django.utils.html import escape

    from nablalab.web.catalog.models import Lesson, ModuleItem
    for lesson in Lesson.objects.select_related("module"):
        html = client.get(lesson.get_absolute_url()).content.decode()
        assert f"<h1>{escape(lesson.title)}</h1>" in html, lesson.slug
        for widget in lesson.widgets:
            assert f'data-widget="{widget}"' in html and f"widgets/{widget}.js" in html
    for item in ModuleItem.objects.select_related("module"):
        html = client.get(item.get_absolute_url()).content.decode()
        assert escape(item.title) in html
        if item.widget:
            assert f'data-widget="{item.widget}"' in html
