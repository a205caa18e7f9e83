"""A graded quiz saves answers as the learner types, and an attempt resumes where it was
left: the drafts come back after leaving the page, and nothing is graded until submitted."""

from __future__ import annotations

from playwright.sync_api import Page, expect

GRADED = "/quizzes/modules/what-is-calculus/unleashing-the-toolbox/"
PASSWORD = "a-resumable-passphrase-42"


def test_graded_answers_are_saved_and_resumed(page: Page, site: str, artefacts):
    page.goto(site + "/accounts/signup/")
    page.locator("#id_username").fill("resumer")
    page.locator("#id_email").fill("resumer@example.org")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    page.get_by_role("button", name="Enrol for free").click()

    page.goto(site + GRADED)
    page.get_by_role("button", name="Start the quiz").click()
    boxes = page.locator("input.quiz-answer")
    expect(boxes.first).to_be_visible()
    attempt_url = page.url
    boxes.first.fill("3 x^2")
    expect(page.locator(".quiz-save-status")).to_have_text("Answers saved.")

    page.goto(site + "/")
    page.goto(attempt_url)
    expect(page.locator("input.quiz-answer").first).to_have_value("3 x^2")
    expect(page.locator(".quiz-score")).to_have_count(0)  # still ungraded
    page.screenshot(path=artefacts / "10-graded-resumed.png", full_page=True)
