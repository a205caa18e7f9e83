"""The Sandpit in Chromium: clicking the pit digs there, and each dig shows its depth; a floor
replayed from the address is practice, and the page says so before the first dig."""

from __future__ import annotations

from playwright.sync_api import expect

from nablalab.optimize.sandpit import make_floor
from tests.browser.widgets import open_widget, plot_data, status_text, wait_for_plots


def test_clicking_the_pit_digs_and_shows_the_depth(page, site, artefacts):
    open_widget(page, site, "sandpit", "?variant=intro&seed=4")
    assert plot_data(page, 0)[-1]["x"] == []  # no digs yet
    layer = page.locator(".sandpit-pit .nsewdrag")
    box = layer.bounding_box()
    for fx, fy in ((0.2, 0.2), (0.8, 0.3), (0.5, 0.8)):
        page.mouse.click(box["x"] + fx * box["width"], box["y"] + fy * box["height"])
        wait_for_plots(page)
    page.wait_for_function("() => document.querySelectorAll('.sandpit-log li').length === 3")
    digs = plot_data(page, 0)[-1]
    assert len(digs["x"]) == 3 and digs["x"][0] < digs["x"][1]
    floor = make_floor("intro", 4)
    depth = floor.depth(digs["x"][2], digs["y"][2])
    assert f"{depth:.3f} m" in page.locator(".sandpit-log li").nth(2).inner_text()
    assert "digs left" in status_text(page)
    assert "seed=4" in page.url
    page.screenshot(path=str(artefacts / "widget-sandpit.png"), full_page=True)


def test_finding_the_phone_reveals_the_floor(page, site, artefacts):
    open_widget(page, site, "sandpit", "?variant=minima&seed=2")
    practice = "Replaying floor 2: practice, not on the leaderboard."
    expect(page.locator(".sandpit-mode")).to_have_text(practice)  # before the first dig
    phone = make_floor("minima", 2).minimum
    page.get_by_label("Dig at x =").fill(f"{phone.x:.2f}")
    page.get_by_label("y =", exact=True).fill(f"{phone.y:.2f}")
    page.get_by_role("button", name="Dig", exact=True).click()
    page.wait_for_function(
        "() => document.querySelector('.sandpit-pit').data[0].type === 'contour'")
    assert "Found it" in status_text(page)
    assert "Replayed floor 2: practice, not on the leaderboard." in status_text(page)
    expect(page.locator(".sandpit-mode")).to_contain_text("Replayed floor 2: practice")
    page.screenshot(path=str(artefacts / "widget-sandpit-found.png"), full_page=True)


def test_a_fresh_floor_counts_and_keeps_its_number_until_the_end(page, site, artefacts):
    open_widget(page, site, "sandpit", "?variant=intro")
    expect(page.locator(".sandpit-mode")).to_contain_text("A fresh floor: finding the phone "
                                                          "counts on the leaderboard.")
    expect(page.get_by_role("button", name="Same floor again")).to_be_hidden()
    assert "seed=" not in page.url
    page.screenshot(path=str(artefacts / "widget-sandpit-fresh.png"), full_page=True)
    page.get_by_label("Dig at x =").fill("0")
    page.get_by_label("y =", exact=True).fill("0")  # a corner: the phone is never there
    for digs in range(1, 26):
        page.get_by_role("button", name="Dig", exact=True).click()
        page.wait_for_function(
            "n => document.querySelectorAll('.sandpit-log li').length === n", arg=digs)
    expect(page.locator(".sandpit-mode")).to_contain_text("That was floor ")
    seed = page.locator(".sandpit-mode").inner_text().split("floor ")[1].split(":")[0]
    assert f"seed={seed}" in page.url  # shareable now, as a practice replay
    expect(page.get_by_role("button", name="Same floor again")).to_be_visible()
    assert "Out of digs" in status_text(page) and "practice" not in status_text(page)
