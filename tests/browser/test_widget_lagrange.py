"""Lagrange multipliers in Chromium: dragging moves the point along the constraint and the
gradients with it; the critical points are listed."""

from __future__ import annotations

from tests.browser.widgets import open_widget, plot_data, status_text


def point_trace(page):
    return next(t for t in plot_data(page, 0) if t["name"] == "your point")


def test_dragging_moves_the_point_along_the_constraint(page, site, artefacts):
    open_widget(page, site, "lagrange", "?f=x%2B2*y&g=x%5E2%2By%5E2-1")
    page.wait_for_function("() => document.querySelectorAll('.lagrange-points tr').length === 3")
    before = point_trace(page)
    box = page.locator(".lagrange-map .nsewdrag").bounding_box()
    # Press near (1/√5, 2/√5), the maximum of x + 2y on the circle (axes run from -3 to 3).
    page.mouse.move(box["x"] + box["width"] * (3.447 / 6),
                    box["y"] + box["height"] * (1 - 3.894 / 6))
    page.mouse.down()
    page.mouse.up()
    page.wait_for_function(
        "x => document.querySelector('.lagrange-map').data"
        ".find(t => t.name === 'your point').x[0] !== x",
        arg=before["x"][0])
    after = point_trace(page)
    assert abs(after["x"][0] ** 2 + after["y"][0] ** 2 - 1) < 1e-9  # on the circle
    assert abs(after["x"][0] - 0.447) < 0.05 and "parallel" in status_text(page)
    table = page.locator(".lagrange-points").inner_text()
    assert "global max" in table and "sqrt(5)" in table
    page.screenshot(path=str(artefacts / "widget-lagrange.png"), full_page=True)
