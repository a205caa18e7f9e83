"""Gradient descent in a sandpit in Chromium: a click starts a walker, the next click on
"Five more steps" grows its path; the learner's own next_step runs in the sandbox."""

from __future__ import annotations

from tests.browser.widgets import open_widget, plot_data, status_text, wait_for_plots


def test_clicking_starts_a_walker_and_its_path_grows(page, site, artefacts):
    open_widget(page, site, "sandpit-descent", "?variant=minima&strategy=steepest&seed=3")
    assert len(plot_data(page, 0)) == 2  # the contours and the minimum, no walker yet
    box = page.locator(".descent-map .nsewdrag").bounding_box()
    page.mouse.click(box["x"] + 0.15 * box["width"], box["y"] + 0.2 * box["height"])
    page.wait_for_function("() => document.querySelector('.descent-map').data.length === 3")
    wait_for_plots(page)
    first = plot_data(page, 0)[2]
    assert len(first["x"]) == 6 and "After 5 steps" in status_text(page)
    page.get_by_role("button", name="Five more steps").click()
    page.wait_for_function(
        "() => document.querySelector('.descent-map').data[2].x.length === 11")
    grown = plot_data(page, 0)[2]
    assert grown["x"][:6] == first["x"]
    page.screenshot(path=str(artefacts / "widget-sandpit-descent.png"), full_page=True)


def test_the_learners_own_next_step_walks(page, site, artefacts):
    open_widget(page, site, "sandpit-descent", "?variant=intro&strategy=own&seed=2")
    page.get_by_label("Your next_step(f, J, H), in Python").fill(
        "def next_step(f, J, H):\n    return -0.3 * J\n")
    page.get_by_label("Start x =").fill("1")
    page.get_by_label("y =", exact=True).fill("1")
    page.get_by_role("button", name="Walk from there").click()
    page.wait_for_function(
        "() => /took 5 steps/.test(document.querySelector('.widget-status').textContent)",
        timeout=20_000)
    assert len(plot_data(page, 0)[2]["x"]) == 6
    page.screenshot(path=str(artefacts / "widget-sandpit-descent-own.png"), full_page=True)
