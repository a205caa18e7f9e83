"""The modules beyond the course in Chromium: listed under their own heading, and a lesson of
each with its maths typeset, its widgets live and its "try it" answered."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

LESSONS = [
    "/modules/taylor-and-lagrange-in-depth/lessons/bordered-hessian/",
    "/modules/integration-for-machine-learning/lessons/double-integrals/",
    "/modules/automatic-differentiation/lessons/forward-mode/",
]


def test_course_page_has_a_beyond_the_course_section(page, site, artefacts):
    page.goto(site + "/")
    heading = page.get_by_role("heading", name="Beyond the course")
    expect(heading).to_be_visible()
    section = page.locator("section", has=heading)
    expect(section.get_by_role("link", name="Module 8: Integration for machine learning")) \
        .to_be_visible()
    page.screenshot(path=str(artefacts / "beyond-course-page.png"), full_page=True)


@pytest.mark.parametrize("path", LESSONS)
def test_a_lesson_renders_maths_and_widgets(page, site, artefacts, path):
    page.goto(site + path)
    expect(page.locator(".prose .katex").first).to_be_visible()
    assert page.locator(".prose .katex").count() > 10
    assert "$$" not in page.locator(".prose").inner_text()
    for widget in page.locator("figure.widget").all():
        expect(widget.locator(".widget-mount > *").first).to_be_attached()
    form = page.locator("form.tryit").first
    answer = form.locator("input.tryit-answer")
    answer.fill("0")
    form.get_by_role("button", name="Check").click()
    expect(form.locator(".tryit-feedback")).not_to_be_empty()
    name = path.strip("/").replace("/", "-")
    page.screenshot(path=str(artefacts / f"{name}.png"), full_page=True)
