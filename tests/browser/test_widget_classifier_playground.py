"""The classification playground in Chromium: a step moves the decision region, and changing
the architecture starts a new network."""

from __future__ import annotations

import json

from tests.browser.widgets import open_widget, plot_data, status_text, wait_for_plots


def test_a_step_reshapes_the_decision_region(page, site, artefacts):
    open_widget(page, site, "classifier-playground", "?dataset=xor&rate=0.3")
    assert status_text(page).startswith("Step 0:")
    region = plot_data(page, 0)
    assert region[0]["type"] == "heatmap" and len(region[0]["z"]) == 50
    assert len(region[2]["x"]) == 200  # the training points

    page.get_by_role("button", name="Step").click()
    page.wait_for_function("() => document.querySelector('.widget-status')"
                           ".textContent.startsWith('Step 50:')")
    assert plot_data(page, 0)[0]["z"] != region[0]["z"]
    assert len(plot_data(page, 1)[0]["x"]) == 51  # the training loss at 0 and after each step

    page.get_by_role("button", name="Play").click()
    page.wait_for_function("() => parseInt(document.querySelector('.widget-status')"
                           ".textContent.replace('Step ', '')) >= 400")
    page.get_by_role("button", name="Pause").click()
    page.screenshot(path=str(artefacts / "widget-classifier-playground.png"), full_page=True)


def test_changing_the_layers_starts_a_new_network(page, site):
    open_widget(page, site, "classifier-playground", "?dataset=spiral&layers=1&neurons=3")
    assert "2 \u2192 3 \u2192 1" in page.locator(".widget-formulas").inner_text()
    first = plot_data(page, 0)[0]["z"]
    page.get_by_role("slider", name="Hidden layers").fill("3")
    page.wait_for_function("() => new URLSearchParams(location.search).get('layers') === '3'")
    wait_for_plots(page)
    assert "2 \u2192 3 \u2192 3 \u2192 3 \u2192 1" in page.locator(".widget-formulas").inner_text()
    page.wait_for_function("""first => JSON.stringify(
        document.querySelector('.js-plotly-plot').data[0].z) !== first""",
        arg=json.dumps(first))
    assert status_text(page).startswith("Step 0:")
