"""A visitor takes a practice quiz in a real browser: the live preview reads each answer as it
is typed, an unreadable answer costs nothing, and submitting shows per-part feedback, typeset
expected answers and the worked solutions."""

from __future__ import annotations

from playwright.sync_api import Page, expect

QUIZ = "/quizzes/modules/what-is-calculus/practising-the-product-rule/"


def test_a_visitor_takes_a_practice_quiz(page: Page, site: str, artefacts):
    page.goto(site + QUIZ)
    page.get_by_role("button", name="Start the quiz").click()
    questions = page.locator("section.quiz-question")
    expect(questions.first).to_be_visible()
    assert questions.count() in (5, 6)
    expect(page.locator(".quiz-prompt .katex").first).to_be_visible()

    first = page.locator("input.quiz-answer[data-preview]").first
    preview = first.locator("xpath=following-sibling::p[contains(@class,'quiz-preview')]")
    first.fill("2x cos(x")
    expect(preview).to_contain_text("never closed")
    first.fill("2x cos(x)")
    expect(preview).to_contain_text("Interpreted as")
    expect(preview.locator(".katex")).to_be_visible()
    page.screenshot(path=artefacts / "08-quiz-attempt.png", full_page=True)

    # Every other text box gets a readable (mostly wrong) answer; choices get their first option.
    for box in page.locator("input.quiz-answer").all()[1:]:
        box.fill("1")
    for group in page.locator("fieldset.quiz-choices").all():
        group.locator("input").first.check()
    page.get_by_role("button", name="Submit for grading").click()

    expect(page.locator(".quiz-score")).to_contain_text("Score:")
    feedback = page.locator(".quiz-feedback")
    expect(feedback.first).to_be_visible()
    assert feedback.count() >= questions.count()
    expect(page.locator(".quiz-feedback.is-wrong .katex").first).to_be_visible()
    solution = page.locator("details.quiz-solution").first
    solution.locator("summary").click()
    expect(solution.locator(".katex").first).to_be_visible()
    page.screenshot(path=artefacts / "09-quiz-graded.png", full_page=True)
