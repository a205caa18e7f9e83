"""A learner submits the backpropagation assignment in a real browser: from the module page
to the assignment, code typed into CodeMirror, submitted, the list updating by itself from
queued or running to graded, with the score and the hidden tests counted honestly."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

PASSWORD = "correct-horse-battery-staple-42"
REFERENCE = Path(__file__).resolve().parents[2] / "src/nablalab/assignments/backprop/reference.py"
# Dividing by the heart data's 100 samples instead of N passes every test on that data and
# fails the hidden one on 13 random samples: the classic missing "/ N".
J_B3_RIGHT = "J = np.sum(J, axis=1, keepdims=True) / x.size\n    return J\n\n\ndef J_b2"
J_B3_FIXED_N = "J = np.sum(J, axis=1, keepdims=True) / 100\n    return J\n\n\ndef J_b2"


def editor_text(page: Page) -> str:
    return page.evaluate("document.querySelector('.CodeMirror').CodeMirror.getValue()")


def test_a_learner_submits_backprop_from_the_browser(page: Page, site: str, artefacts):
    page.goto(site + "/accounts/signup/")
    page.locator("#id_username").fill("coder")
    page.locator("#id_email").fill("coder@example.org")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()

    page.goto(site + "/modules/multivariate-chain-rule/")
    page.get_by_role("link", name="Backpropagation", exact=True).click()
    page.get_by_role("link", name="Go to the assignment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Backpropagation")
    expect(page.locator(".CodeMirror")).to_be_visible()
    assert "def J_b3" in editor_text(page)  # the starter code

    source = REFERENCE.read_text()
    assert J_B3_RIGHT in source
    code = "import time\ntime.sleep(1.5)  # slow to load, so the wait is seen\n" + (
        source.replace(J_B3_RIGHT, J_B3_FIXED_N))
    page.evaluate("code => document.querySelector('.CodeMirror').CodeMirror.setValue(code)",
                  code)
    page.screenshot(path=artefacts / "20-assignment-editor.png", full_page=True)
    page.get_by_role("button", name="Submit for grading").click()

    first = page.locator(".submission").first
    expect(first.locator(".submission-status")).to_have_text(
        re.compile("queued|running"))
    page.screenshot(path=artefacts / "21-assignment-queued.png", full_page=True)
    expect(first.locator(".submission-status")).to_have_text("graded", timeout=30_000)
    expect(first.locator(".submission-score")).to_contain_text("18/20")
    expect(first.locator(".submission-counts")).to_have_text(
        "public: 4 of 4 passed · hidden: 7 of 8 passed")
    expect(first).not_to_contain_text("all tests passed")
    expect(first.locator("tr.is-failed")).to_have_count(1)
    expect(first.locator("tr.is-failed")).to_contain_text("hidden")
    first.screenshot(path=artefacts / "22-assignment-result.png")
    # The editor now holds the submitted code (a fresh load shows the last submission).
    page.reload()
    expect(page.locator(".CodeMirror")).to_be_visible()
    assert editor_text(page) == code
    page.screenshot(path=artefacts / "23-assignment-after-reload.png", full_page=True)
