"""Lessons and the glossary as a screen-reader user meets them, in Chromium against the real
server: maths typeset with MathML beside it, one h1 and no skipped heading levels, alt text
on every picture, a label on every form control, and no console errors (the ``page``
fixture fails on those)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

PAGES = {
    "lesson-functions": "/modules/what-is-calculus/lessons/functions/",
    "lesson-the-sandpit": "/modules/multivariate-calculus/lessons/the-sandpit/",
    "lesson-antiderivatives": "/modules/integration-for-machine-learning/lessons/"
                              "antiderivatives-and-area/",
    "glossary": "/glossary/",
}

# Each returns a list of offending elements described in words (empty when all is well).
HEADING_PROBLEMS = """() => {
  const found = [];
  const headings = [...document.querySelectorAll(
    "main h1, main h2, main h3, main h4, main h5, main h6")];
  if (headings.filter(h => h.tagName === "H1").length !== 1) found.push("not exactly one h1");
  let previous = 0;
  for (const h of headings) {
    const level = Number(h.tagName[1]);
    if (level > previous + 1) {
      found.push(`${h.tagName} "${h.textContent.trim()}" after h${previous}`);
    }
    previous = level;
  }
  return found;
}"""
IMAGE_PROBLEMS = """() => [...document.querySelectorAll("img")]
  .filter(img => !(img.getAttribute("alt") || "").trim()
                 && img.getAttribute("role") !== "presentation")
  .map(img => img.src)"""
UNLABELLED_CONTROLS = """() => [...document.querySelectorAll("input, select, textarea, button")]
  .filter(el => el.type !== "hidden" && !el.closest("[hidden]"))
  .filter(el => {
    const named = (el.getAttribute("aria-label") || "").trim() || el.getAttribute("aria-labelledby")
      || (el.labels && el.labels.length) || (el.getAttribute("title") || "").trim();
    const isButton = el.tagName === "BUTTON" || ["submit", "button", "reset"].includes(el.type);
    return !(named || (isButton && (el.textContent.trim() || el.value)));
  })
  .map(el => el.outerHTML.slice(0, 120))"""


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pages_are_accessible(page: Page, site: str, artefacts, name: str):
    page.goto(site + PAGES[name])
    page.wait_for_load_state("networkidle")
    expect(page.locator("main .katex").first).to_be_visible()
    katex = page.locator("main .katex").count()
    assert katex > 5
    # KaTeX's MathML copy, which screen readers read, beside every visible formula.
    assert page.locator("main .katex .katex-mathml math").count() == katex
    assert page.locator("main .katex-error").count() == 0
    assert page.evaluate(HEADING_PROBLEMS) == []
    assert page.evaluate(IMAGE_PROBLEMS) == []
    assert page.evaluate(UNLABELLED_CONTROLS) == []
    page.screenshot(path=artefacts / f"accessibility-{name}.png", full_page=False)


def test_a_glossary_link_leads_to_its_entry(page: Page, site: str, artefacts):
    page.goto(site + PAGES["lesson-the-sandpit"])
    link = page.locator("main a.glossary-term").first
    expect(link).to_be_visible()
    anchor = link.get_attribute("href").split("#")[1]
    link.click()
    expect(page).to_have_url(f"{site}/glossary/#{anchor}")
    entry = page.locator(f"dt#{anchor}")
    expect(entry).to_be_in_viewport()
    source = page.locator(f"dt#{anchor} + dd .glossary-source a")
    expect(source).to_have_attribute("href", re.compile(r"^/modules/[a-z0-9-]+/lessons/"))
    page.screenshot(path=artefacts / "accessibility-glossary-entry.png")


def test_a_worked_result_box_is_typeset(page: Page, site: str, artefacts):
    page.goto(site + PAGES["lesson-antiderivatives"])
    box = page.locator("aside.worked-result").first
    expect(box).to_be_visible()
    expect(box).to_have_attribute("aria-label", "Worked result")
    expect(box.locator(".katex-display .katex-mathml math")).to_have_count(1)
    box.scroll_into_view_if_needed()
    box.screenshot(path=artefacts / "accessibility-worked-result.png")
