"""The glossary page, glossary links in lessons, figures served from the content, and the
course length on the course page."""

from __future__ import annotations

import re
import shutil

import pytest
from django.urls import reverse

from nablalab.course import ItemKind, load_course
from nablalab.web.catalog.models import Lesson
from nablalab.web.catalog.pagelinks import PageLinks

pytestmark = pytest.mark.django_db
SOURCE = load_course()


def test_the_glossary_lists_every_term_alphabetically_with_its_lesson(client, course):
    page = client.get(reverse("catalog:glossary"))
    assert page.status_code == 200
    html = page.content.decode()
    anchors = re.findall(r'<dt id="([a-z0-9-]+)">', html)
    assert anchors == [term.anchor for term in SOURCE.glossary] and len(anchors) >= 40
    assert [t.term.lower() for t in SOURCE.glossary] == sorted(t.term.lower()
                                                              for t in SOURCE.glossary)
    jacobian = Lesson.objects.get(slug="the-jacobian")
    entry = html[html.index('<dt id="jacobian">'):html.index('<dt id="jacobian-determinant">')]
    assert f'href="{jacobian.get_absolute_url()}">{jacobian.title}</a>' in entry
    assert "\\(J_{ij} = \\partial f_i / \\partial x_j\\)" in entry  # maths left for KaTeX
    assert 'href="/glossary/"' in client.get(reverse("catalog:course")).content.decode()


def test_a_lesson_links_the_first_use_of_glossary_terms(client, course):
    lesson = Lesson.objects.get(slug="the-hessian")
    html = client.get(lesson.get_absolute_url()).content.decode()
    links = re.findall(r'<a href="/glossary/#([a-z0-9-]+)" class="glossary-term">', html)
    assert links and len(links) == len(set(links))  # each term once
    assert "hessian" not in links  # defined here: not linked away
    assert "gradient" in links or "partial-derivative" in links


@pytest.fixture
def content_with_figure(tmp_path, settings):
    root = tmp_path / "content"
    shutil.copytree(settings.CONTENT_DIR, root)
    figures = root / "01-what-is-calculus" / "figures"
    figures.mkdir(exist_ok=True)
    (figures / "slope.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    (root / "01-what-is-calculus" / "secret.txt").write_text("not a figure")
    settings.CONTENT_DIR = root
    return root


def test_a_figure_is_served_with_a_safe_policy(client, course, content_with_figure):
    url = reverse("catalog:figure", args=["what-is-calculus", "slope.svg"])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response["Content-Security-Policy"].startswith("default-src 'none'")
    assert b"".join(response.streaming_content).startswith(b"<svg")


@pytest.mark.parametrize("name", ["missing.svg", "secret.txt", "..%2Fsecret.txt",
                                  "..%2F01-what-is-calculus%2Fmodule.md", ".svg"])
def test_nothing_but_an_existing_figure_is_served(client, course, content_with_figure, name):
    url = reverse("catalog:module", args=["what-is-calculus"]) + "figures/" + name
    assert client.get(url).status_code == 404


def test_the_course_page_says_how_long_it_takes(client, course):
    core = [m for m in SOURCE.modules if not m.extra]
    minutes = (sum(lesson.minutes for m in core for lesson in m.lessons)
               + sum({ItemKind.PRACTICE_QUIZ: 20, ItemKind.GRADED_QUIZ: 30, ItemKind.LAB: 30,
                      ItemKind.ASSIGNMENT: 120}[item.kind] for m in core for item in m.items))
    html = client.get(reverse("catalog:course")).content.decode()
    assert f"<strong>About {round(minutes / 60)} hours</strong> to complete" in html
    assert "20 minutes per practice quiz" in html


def test_sync_gives_lesson_and_figure_links_their_urls(course):
    module = SOURCE.module(2)
    targets = PageLinks(SOURCE).for_page(module, module.lessons[0].slug)
    jacobian = Lesson.objects.get(slug="the-jacobian")
    assert targets.href("lesson:the-jacobian#rows") == jacobian.get_absolute_url() + "#rows"
    assert targets.href("figures/bowl.svg") == f"/modules/{module.slug}/figures/bowl.svg"
    assert targets.href("glossary:Partial derivative") == "/glossary/#partial-derivative"
    assert targets.terms == SOURCE.glossary
    assert PageLinks(SOURCE).for_page(module).terms == ()  # module text: no auto-links
