"""The Sandpit in Chromium: clicking the pit digs there, and each dig shows its depth."""

from __future__ import annotations

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
    phone = make_floor("minima", 2).minimum
    page.get_by_label("Dig at x =").fill(f"{phone.x:.2f}")
    page.get_by_label("y =", exact=True).fill(f"{phone.y:.2f}")
    page.get_by_role("button", name="Dig", exact=True).click()
    page.wait_for_function(
        "() => document.querySelector('.sandpit-pit').data[0].type === 'contour'")
    assert "Found it" in status_text(page)
    page.screenshot(path=str(artefacts / "widget-sandpit-found.png"), full_page=True)
