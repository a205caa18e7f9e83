"""Surfaces in Chromium: contour map with gradient arrows, a click on the map choosing the
point (slices, tangent plane, gradient and Hessian follow), and the 3-D view."""

from __future__ import annotations

from tests.browser.widgets import open_widget, plot_data, status_text, wait_for_plots


def test_clicking_the_contour_map_moves_the_point_and_its_slices(page, site, artefacts):
    open_widget(page, site, "surface", "?f=x%5E2-y%5E2&x=0&y=0")
    wait_for_plots(page, 4)
    page.wait_for_function(
        "() => document.querySelector('.surface-values').textContent.includes('saddle')")
    plots = page.locator(".js-plotly-plot")
    contour = 1 if plots.count() == 4 else 0  # the 3-D surface comes first where WebGL works
    before = plot_data(page, contour + 1)[0]["y"]
    assert max(before) == 4 and min(before) == 0  # f(x, 0) = x^2 on [-2, 2]

    box = plots.nth(contour).locator(".nsewdrag").bounding_box()
    # Range [-2, 2] on both axes: the point (1, 1) is three quarters across, a quarter down.
    page.mouse.click(box["x"] + box["width"] * 0.75, box["y"] + box["height"] * 0.25)
    page.wait_for_function("() => new URLSearchParams(location.search).get('x') !== '0'")
    page.wait_for_function(
        "() => document.querySelector('.surface-values').textContent.includes('Not a stationary')")
    wait_for_plots(page, 4)
    after = plot_data(page, contour + 1)
    assert after[0]["y"] != before
    x = float(page.evaluate("() => new URLSearchParams(location.search).get('x')"))
    y = float(page.evaluate("() => new URLSearchParams(location.search).get('y')"))
    assert abs(x - 1) < 0.1 and abs(y - 1) < 0.1
    assert f"∂f/∂x = {2 * x:.3g}" in status_text(page).replace("−", "-")
    assert after[1]["name"].startswith("slope ∂f/∂x")
    page.screenshot(path=str(artefacts / "widget-surface.png"), full_page=True)


def test_without_webgl_the_contour_map_still_works(page, site):
    page.add_init_script("""
        const original = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
            return /webgl/.test(kind) ? null : original.call(this, kind, ...rest);
        };""")
    open_widget(page, site, "surface", "?f=x*y&x=1&y=1")
    wait_for_plots(page, 3)
    assert "cannot draw 3-D" in page.locator(".widget-note").inner_text()
    assert plot_data(page, 0)[0]["type"] == "contour"
    page.get_by_role("slider", name="Point x₀").fill("-1")
    page.wait_for_function("() => new URLSearchParams(location.search).get('x') === '-1'")
    page.wait_for_function(
        "() => document.querySelectorAll('.js-plotly-plot')[0].data[2].x[0] === -1")
    assert "∂f/∂y = -1.000" in status_text(page).replace("−", "-")
