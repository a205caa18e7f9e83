"""The heart-curve network in Chromium: step it, play and pause it, and see the curve move."""

from __future__ import annotations

from tests.browser.widgets import open_widget, plot_data, status_text


def test_stepping_and_playing_train_the_heart_network(page, site, artefacts):
    open_widget(page, site, "neural-network")
    assert status_text(page).startswith("Iteration 0:")
    before = plot_data(page, 0)[1]
    assert before["name"] == "the network's curve" and len(before["y"]) == 201

    page.get_by_role("button", name="Step").click()
    page.wait_for_function("() => document.querySelector('.widget-status')"
                           ".textContent.startsWith('Iteration 100:')")
    after = plot_data(page, 0)[1]
    assert after["y"] != before["y"]
    assert len(plot_data(page, 1)[0]["x"]) == 101  # the cost at 0 and after each iteration
    assert len(plot_data(page, 2)) == 3  # one gradient-size line per layer

    play = page.get_by_role("button", name="Play")
    play.click()
    page.wait_for_function("() => parseInt(document.querySelector('.widget-status')"
                           ".textContent.replace('Iteration ', '')) >= 500")
    pause = page.get_by_role("button", name="Pause")
    assert pause.get_attribute("aria-pressed") == "true"
    pause.click()
    costs = plot_data(page, 1)[0]["y"]
    assert costs[-1] < costs[0]
    page.screenshot(path=str(artefacts / "widget-neural-network.png"), full_page=True)


def test_the_learning_rate_is_part_of_the_shared_view(page, site):
    open_widget(page, site, "neural-network", "?rate=2&noise=0")
    assert page.get_by_label("Learning rate (aggression)").input_value() == "2"
    page.get_by_label("Learning rate (aggression)").select_option("10")
    page.wait_for_function("() => new URLSearchParams(location.search).get('rate') === '10'")
    page.get_by_role("button", name="Step").click()
    page.wait_for_function("() => document.querySelector('.widget-status')"
                           ".textContent.startsWith('Iteration 100:')")
