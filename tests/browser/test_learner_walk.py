"""A new learner's first visit, in a real browser against the real server: sign up, enrol,
read a lesson with typeset maths, try a question wrongly then rightly (with the live
preview), complete the lesson, see the dashboard move, and review the course."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

LESSON = "/modules/what-is-calculus/lessons/product-rule/"
PASSWORD = "correct-horse-battery-staple-42"
REVIEW = "Clear lessons, and the try-it boxes catch the classic product-rule slip."


def test_a_new_learner_walks_through_the_course(page: Page, site: str, artefacts):
    def shoot(name: str) -> None:
        page.screenshot(path=artefacts / f"{name}.png", full_page=True)

    page.goto(site + "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Multivariate Calculus")
    shoot("01-course")

    # Sign up from the course page's "Enrol for free", then enrol.
    page.get_by_role("link", name="Enrol for free").first.click()
    page.locator("#id_username").fill("walker")
    page.locator("#id_email").fill("walker@example.org")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    shoot("02-signup")
    page.get_by_role("button", name="Sign up").click()
    page.get_by_role("button", name="Enrol for free").click()
    expect(page.get_by_role("heading", name="Your dashboard")).to_be_visible()
    progress = page.get_by_role("heading", name=re.compile(r"^Progress:"))
    expect(progress).to_contain_text("Progress: 0 of")
    shoot("03-dashboard-start")

    # The lesson: its maths typeset by KaTeX.
    page.goto(site + LESSON)
    expect(page.get_by_role("heading", level=1)).to_have_text("Product rule")
    expect(page.locator(".prose .katex").first).to_be_visible()
    assert page.locator(".prose .katex").count() > 10
    expect(page.locator(".tryit-prompt .katex").first).to_be_visible()

    # Try it: the live preview, then a wrong answer with specific feedback, then a right one.
    tryit = page.locator("form.tryit")
    answer = tryit.get_by_label("Your answer")
    answer.fill("2x cos(x")
    expect(tryit.locator(".tryit-preview")).to_contain_text("at character")
    answer.fill("2x cos(x)")
    expect(tryit.locator(".tryit-preview")).to_contain_text("Interpreted as")
    expect(tryit.locator(".tryit-preview .katex")).to_be_visible()
    tryit.get_by_role("button", name="Check").click()
    feedback = tryit.locator(".tryit-feedback")
    expect(feedback).to_contain_text("Not quite.")
    expect(feedback).to_contain_text("product of the two derivatives")
    tryit.scroll_into_view_if_needed()
    shoot("04-lesson-wrong-answer")

    answer.fill("x^2 cos(x) + 2x sin(x)")
    tryit.get_by_role("button", name="Check").click()
    expect(feedback).to_contain_text("Correct!")
    expect(feedback).to_have_class(re.compile("is-correct"))
    shoot("05-lesson-right-answer")

    # Complete the lesson; the dashboard counts it.
    page.get_by_role("button", name="Mark as complete").click()
    expect(page.locator("#completion")).to_contain_text("You have completed this lesson")
    page.get_by_role("link", name="Dashboard").click()
    expect(progress).to_contain_text("Progress: 1 of")
    shoot("06-dashboard-after")

    # A review, then found on the course page.
    page.goto(site + "/")
    page.get_by_role("link", name="Review this course").click()
    page.get_by_label("4 stars").check()
    page.get_by_label("Your review").fill(REVIEW)
    page.get_by_role("button", name=re.compile("review", re.I)).click()
    page.goto(site + "/")
    expect(page.get_by_text(REVIEW)).to_be_visible()
    shoot("07-course-with-review")
