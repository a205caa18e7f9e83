"""The derivative-match game in Chromium: the seeded round from the address, a pick checked
by the server with feedback and the formulas revealed, then a new round."""

from __future__ import annotations

from tests.browser.widgets import open_widget, plot_data, status_text, wait_for_plots


def test_a_pick_is_marked_and_explained_then_a_new_round_comes(page, site, artefacts):
    open_widget(page, site, "derivative-match", "?seed=3")
    wait_for_plots(page, 5)
    assert page.locator(".match-reveal").all_inner_texts() == ["", "", "", ""]
    f = plot_data(page, 0)[0]
    first_candidate = plot_data(page, 1)[0]["y"]

    page.get_by_role("button", name="Choose A").click()
    page.wait_for_function("() => document.querySelector('.match-right') !== null")
    assert page.locator(".match-right").count() == 1
    assert "Score: " in page.locator(".widget-formulas").first.inner_text()
    assert any(word in status_text(page) for word in ("Right", "Not quite"))
    assert page.get_by_role("button", name="Choose B").is_disabled()
    page.screenshot(path=str(artefacts / "widget-derivative-match.png"), full_page=True)

    curves = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).slice(0, 2)
                    .map(plot => JSON.stringify(Array.from(plot.data[0].y)))"""
    page.evaluate(f"() => {{ window.oldCurves = ({curves})(); }}")
    page.get_by_role("button", name="Next round").click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('seed') !== '3'")
    # The new round's curves replace the old ones when its answer arrives (on a busy machine,
    # a while after the address changes).
    page.wait_for_function(f"() => ({curves})().join() !== window.oldCurves.join()")
    wait_for_plots(page, 5)
    page.wait_for_function("() => document.querySelector('.match-right') === null")
    assert (plot_data(page, 0)[0]["y"], plot_data(page, 1)[0]["y"]) != (f["y"], first_candidate)
    assert page.get_by_role("button", name="Choose B").is_enabled()
