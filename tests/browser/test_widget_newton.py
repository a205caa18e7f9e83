"""Newton–Raphson in Chromium: stepping draws the next tangent; the basins strip is drawn."""

from __future__ import annotations

from tests.browser.widgets import open_widget, plot_data, status_text, wait_for_plots


def test_stepping_draws_tangents_and_the_basins_show_both_roots(page, site, artefacts):
    open_widget(page, site, "newton", "?x0=1")
    wait_for_plots(page, 2)
    assert plot_data(page, 0)[1]["x"] == []  # no tangent yet
    page.get_by_role("button", name="Next step \u2192").click()
    page.wait_for_function(
        "() => document.querySelector('.newton-curve').data[1].x.length === 4")
    tangent = plot_data(page, 0)[1]
    assert tangent["x"][0] == 1 and abs(tangent["x"][2] - 1.0) < 0.2
    page.get_by_role("button", name="All steps").click()
    page.wait_for_function(
        "() => /Converged/.test(document.querySelector('.widget-status').textContent)")
    assert "1.06307" in status_text(page)
    names = [trace["name"] for trace in plot_data(page, 1)]
    assert any("-3.76" in name for name in names) and any("1.06" in name for name in names)
    assert len(page.locator(".newton-steps tr").all()) == 4  # header and three steps
    page.screenshot(path=str(artefacts / "widget-newton.png"), full_page=True)
