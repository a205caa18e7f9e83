"""Taylor series in Chromium: the order slider switches polynomials without a request, the
details (exact polynomial, radius, bound) follow; the 2-D widget redraws for a new point."""

from __future__ import annotations

import math

from tests.browser.widgets import open_widget, plot_data, wait_for_plots


def test_the_order_slider_switches_polynomials_and_the_details_follow(page, site, artefacts):
    open_widget(page, site, "taylor", "?f=1%2F(1%2Bx%5E2)&a=0&order=2")
    wait_for_plots(page, 2)
    page.wait_for_function("() => document.querySelector('.widget-formulas').nextElementSibling"
                           ".textContent.includes('T')")
    quadratic = plot_data(page, 0)[1]
    assert quadratic["name"] == "T₂(x)"
    assert abs(quadratic["y"][150] - 1) < 1e-12  # x = 0 on the 301-point grid over [-4, 4]

    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.get_by_role("slider", name="Order n").fill("4")
    page.wait_for_function(
        "() => document.querySelector('.js-plotly-plot').data[1].name === 'T₄(x)'")
    quartic = plot_data(page, 0)[1]["y"]
    x = -4 + 8 * 200 / 300
    assert abs(quartic[200] - (1 - x**2 + x**4)) < 1e-5
    assert not any(url.endswith("/api/widgets/taylor") for url in requests)  # drawn locally
    page.wait_for_function(
        "() => document.body.textContent.includes('Radius of convergence: 1.000')")
    page.wait_for_function(
        "() => document.querySelectorAll('.js-plotly-plot')[1].data.length === 2")
    assert plot_data(page, 1)[1]["name"] == "remainder bound"
    page.screenshot(path=str(artefacts / "widget-taylor.png"), full_page=True)


def test_dragging_the_expansion_point_asks_again(page, site):
    open_widget(page, site, "taylor", "?f=sin(x)&a=0&order=1")
    box = page.locator(".js-plotly-plot").first.locator(".nsewdrag").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] / 2, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * (4 + math.pi / 2) / 8, y, steps=6)
    page.mouse.up()
    page.wait_for_function("() => new URLSearchParams(location.search).get('a') === '1.55'")
    page.wait_for_function("() => document.querySelector('.js-plotly-plot').data[2].x[0] === 1.55")
    tangent = plot_data(page, 0)[1]["y"]
    assert max(tangent) - min(tangent) < 0.2  # nearly flat at the top of sin(x)


def test_taylor_2d_redraws_its_orders_for_a_new_point(page, site, artefacts):
    open_widget(page, site, "taylor-2d", "?f=x%5E2%2By%5E2&a=1&b=0")
    wait_for_plots(page, 2)
    slice_index = page.locator(".js-plotly-plot").count() - 1
    before = plot_data(page, slice_index)
    assert [t["name"] for t in before][1:] == ["0th order", "1st order (tangent plane)",
                                               "2nd order"]
    page.get_by_role("slider", name="a (x of the point)").fill("-1")
    page.wait_for_function("() => new URLSearchParams(location.search).get('a') === '-1'")
    page.wait_for_function(
        f"() => document.querySelectorAll('.js-plotly-plot')[{slice_index}].data[0].x[0] === -2.5")
    after = plot_data(page, slice_index)
    assert after[2]["y"] != before[2]["y"]  # the tangent plane tilts the other way
    assert after[3]["y"] == after[0]["y"]  # x^2 + y^2 is its own 2nd-order polynomial
    page.screenshot(path=str(artefacts / "widget-taylor-2d.png"), full_page=True)
