"""Rise over run in Chromium: the h slider moves the secant towards the tangent, dragging the
first point asks the server again, and the error plot shows the V of truncation and
round-off."""

from __future__ import annotations

import math

from tests.browser.widgets import open_widget, plot_data, status_text, wait_for_plots


def test_shrinking_h_turns_the_secant_into_the_tangent(page, site, artefacts):
    open_widget(page, site, "rise-over-run", "?f=sin(x)&x0=1&h=1")
    wait_for_plots(page, 2)
    secant = plot_data(page, 0)[1]
    wide = (secant["y"][1] - secant["y"][0]) / (secant["x"][1] - secant["x"][0])
    assert abs(wide - (math.sin(2) - math.sin(1))) < 1e-9  # h = 1

    page.get_by_role("slider", name="Step h (log scale)").fill("24")  # h = 1e-6
    page.wait_for_function("() => new URLSearchParams(location.search).get('h') === '0.000001'")
    secant = plot_data(page, 0)[1]
    narrow = (secant["y"][1] - secant["y"][0]) / (secant["x"][1] - secant["x"][0])
    assert abs(narrow - math.cos(1)) < 1e-5
    errors = plot_data(page, 1)
    forward = [e for e in errors[0]["y"] if e]
    assert min(forward) < 1e-7 < forward[0] and forward[-1] > 1e-3  # the V: both ends high
    assert "secant's slope is 0.5403" in status_text(page)
    page.screenshot(path=str(artefacts / "widget-rise-over-run.png"), full_page=True)


def test_dragging_the_first_point_moves_x0(page, site):
    open_widget(page, site, "rise-over-run", "?f=x%5E2&x0=1&h=0.5")
    before = plot_data(page, 0)[3]["x"][0]
    box = page.locator(".js-plotly-plot").first.locator(".nsewdrag").bounding_box()
    # x range [-4, 4] fills the plot area's width; the first point sits at x = 1.
    y = box["y"] + box["height"] * 0.5
    page.mouse.move(box["x"] + box["width"] * 5 / 8, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 3 / 8, y, steps=5)  # to x = -1
    page.mouse.up()
    page.wait_for_function("() => new URLSearchParams(location.search).get('x0') === '-1'")
    wait_for_plots(page, 2)
    page.wait_for_function("() => document.querySelector('.js-plotly-plot').data[3].x[0] === -1")
    assert before == 1
    assert "tangent's is -2.0000000" in status_text(page)
