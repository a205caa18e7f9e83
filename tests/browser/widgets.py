"""Helpers for the explorations' browser tests: open a widget's own page, wait for its plots,
read what Plotly is drawing (to assert an interaction changed it)."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page


def open_widget(page: Page, site: str, name: str, query: str = "") -> None:
    page.goto(f"{site}/explore/{name}/{query}")
    wait_for_plots(page)


def wait_for_plots(page: Page, count: int = 1) -> None:
    """Until ``count`` plots have data and no request is in flight."""
    page.wait_for_function(
        """count => {
            const plots = document.querySelectorAll('.js-plotly-plot');
            const busy = document.querySelector('.widget-busy');
            return plots.length >= count && !busy &&
                Array.from(plots).every(p => p.data && p.data.length > 0);
        }""", arg=count)


def plot_data(page: Page, index: int = 0) -> list[dict[str, Any]]:
    """The traces of the page's ``index``-th plot, as Plotly holds them (x, y, z, name...)."""
    return page.evaluate(
        """index => {
            const plot = document.querySelectorAll('.js-plotly-plot')[index];
            return plot.data.map(t => ({name: t.name || '', type: t.type || 'scatter',
                                        x: t.x ? Array.from(t.x) : null,
                                        y: t.y ? Array.from(t.y) : null,
                                        z: t.z ? Array.from(t.z, r => Array.isArray(r) ?
                                                            Array.from(r) : r) : null}));
        }""", index)


def status_text(page: Page) -> str:
    return page.locator(".widget-status").first.inner_text()
