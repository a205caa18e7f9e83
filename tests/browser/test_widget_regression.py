"""The regression explorations in Chromium: drag a point, replay a fit, step a descent."""

from __future__ import annotations

import pytest

from tests.browser.widgets import open_widget, plot_data, status_text, wait_for_plots


def test_dragging_a_point_moves_the_least_squares_line(page, site, artefacts):
    open_widget(page, site, "linear-fit", "?points=1,2;2,4;3,6;4,8")
    line = plot_data(page, 0)[1]
    assert line["y"] == pytest.approx([2.0, 8.0])  # y = 2x
    box = page.locator(".js-plotly-plot").first.locator(".nsewdrag").bounding_box()
    # The point (4, 8) in pixels: x range [0, 10], y range [-2, 16] fill the plot area.
    start = (box["x"] + box["width"] * 0.4, box["y"] + box["height"] * (16 - 8) / 18)
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(start[0], start[1] - box["height"] * 4 / 18, steps=5)
    page.mouse.up()
    page.wait_for_function(
        "() => new URLSearchParams(location.search).get('points') !== '1,2;2,4;3,6;4,8'")
    wait_for_plots(page)
    page.wait_for_function("() => document.querySelector('.js-plotly-plot').data[1].y[1] > 9")
    assert "χ² =" in page.locator(".widget-formulas").inner_text()
    page.screenshot(path=str(artefacts / "widget-linear-fit.png"), full_page=True)


def test_the_iteration_slider_replays_a_levenberg_marquardt_fit(page, site, artefacts):
    open_widget(page, site, "nonlinear-fit")
    final = plot_data(page, 0)[1]["y"]
    slider = page.get_by_role("slider", name="Iteration")
    slider.fill("0")
    first = plot_data(page, 0)[1]["y"]
    assert first != final
    assert "iteration 0" in plot_data(page, 0)[1]["name"]
    assert "238.94" in page.locator(".widget-table").inner_text()  # NIST certified b1
    page.screenshot(path=str(artefacts / "widget-nonlinear-fit.png"), full_page=True)


def test_stepping_the_heights_descent_walks_the_path(page, site, artefacts):
    open_widget(page, site, "heights-fit")
    assert len(plot_data(page, 1)[1]["x"]) == 1
    page.get_by_role("slider", name="Step").fill("50")
    assert len(plot_data(page, 1)[1]["x"]) == 51
    assert "Step 50" in status_text(page)
    page.screenshot(path=str(artefacts / "widget-heights-fit.png"), full_page=True)
