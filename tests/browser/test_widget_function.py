"""The function-and-derivative exploration in Chromium: typed function, slider, shared URL."""

from __future__ import annotations

from tests.browser.conftest import expect_http_status
from tests.browser.widgets import open_widget, plot_data, status_text, wait_for_plots


def test_typing_a_function_redraws_it_and_its_derivative(page, site, artefacts):
    open_widget(page, site, "function-derivative", "?f=x%5E2&x0=1")
    curve = plot_data(page, 0)[0]
    assert curve["y"][200] == 0  # x = 0 on the 401-point grid over [-5, 5]
    assert "slope of f is 2.000" in status_text(page)

    page.get_by_label("f(x) =").fill("sin(x)")
    page.wait_for_function("() => new URLSearchParams(location.search).get('f') === 'sin(x)'")
    wait_for_plots(page)
    page.wait_for_function(
        "() => document.querySelectorAll('.js-plotly-plot')[1].data[0].y[200] === 1")
    derivative = plot_data(page, 1)[0]
    assert abs(derivative["y"][200] - 1.0) < 1e-9  # cos(0)
    assert "cos" in page.locator(".widget-formulas").inner_text()
    page.screenshot(path=str(artefacts / "widget-function-derivative.png"), full_page=True)


def test_a_bad_function_gets_a_specific_message_and_keeps_the_last_plot(page, site):
    expect_http_status(page, 422)
    open_widget(page, site, "function-derivative", "?f=x%5E3")
    page.get_by_label("f(x) =").fill("sin(x")
    page.wait_for_function(
        "() => document.querySelector('.widget-status-error') !== null")
    assert "could not be read" in status_text(page)
    assert plot_data(page, 0)[0]["y"][400] == 125  # x^3 at x = 5, still drawn
