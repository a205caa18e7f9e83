"""A learner practises in Chromium and watches the skill map on the dashboard change: the
first foundation skill goes from "not started" to being worked on after a few answers."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from nablalab.adaptive import skill_map

PASSWORD = "a-long-browser-passphrase-42"

NODE = "#skill-node-rise-over-run"


def answer_the_question_on_the_page(page: Page) -> None:
    """Readable answers (right or wrong): "1" in every box, the first option of choices."""
    for box in page.locator("input.quiz-answer").all():
        box.fill("1")
    for group in page.locator("fieldset.quiz-choices").all():
        group.locator("input").first.check()
    page.get_by_role("button", name="Check my answer").click()
    expect(page.get_by_role("heading", name="Your skills after this answer")).to_be_visible()


def test_practising_changes_the_skill_map(page: Page, site: str, artefacts):
    page.goto(site + "/accounts/signup/")
    page.locator("#id_username").fill("mapper")
    page.locator("#id_email").fill("mapper@example.org")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    page.goto(site + "/learn/dashboard/")
    page.get_by_role("button", name="Enrol for free").click()

    expect(page.get_by_role("heading", name="Your skills")).to_be_visible()
    expect(page.locator(NODE)).to_have_attribute("data-status", "not started")
    assert page.locator("g.skill-node").count() == len(skill_map())
    assert page.locator("g.skill-edges path").count() > 40
    page.screenshot(path=artefacts / "mastery-01-map-before.png", full_page=True)

    page.get_by_role("link", name="Practise now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Practise now: Rise over run")
    expect(page.locator(".quiz-prompt .katex").first).to_be_visible()
    for number in range(3):
        answer_the_question_on_the_page(page)
        expect(page.locator(".practise-changes li").first).to_contain_text(
            re.compile(r"\d+% → \d+%"))
        if number == 0:
            page.screenshot(path=artefacts / "mastery-02-practise-answered.png",
                            full_page=True)
        page.get_by_role("button", name="Next question").click()
        expect(page.get_by_role("button", name="Check my answer")).to_be_visible()

    page.get_by_role("link", name=re.compile("Back to your dashboard")).click()
    node = page.locator(NODE)
    expect(node).not_to_have_attribute("data-status", "not started")
    status = node.get_attribute("data-status")
    assert status in ("in progress", "mastered")
    page.get_by_text("Your skills as a list").click()
    listed = page.locator(".skill-list li[data-skill='rise-over-run']")
    expect(listed).to_contain_text("after 3 answers")
    page.screenshot(path=artefacts / "mastery-03-map-after.png", full_page=True)
