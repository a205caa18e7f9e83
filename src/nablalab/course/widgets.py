"""The interactive explorations a lesson can embed, and the ```` ```widget ```` block that
places one in a lesson's text:

    ```widget
    name = "taylor"
    caption = "Drag the expansion point; raise the order."
    state = { f = "exp(x)", a = 0, order = 3 }
    ```

``state`` is the widget's starting point (the same keys its page takes in the URL), so a
lesson can open an exploration on its own example. The catalogue lives here, below the web
layer, so that the content check can refuse a lesson naming a widget that does not exist.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from html import escape
from typing import Any

FENCE_INFO = "widget"


@dataclass(frozen=True)
class Widget:
    name: str
    title: str
    summary: str


WIDGETS: dict[str, Widget] = {w.name: w for w in (
    Widget("rise-over-run", "Rise over run",
           "Drag two points on a curve: the secant becomes the tangent as h shrinks, and the "
           "finite-difference error meets round-off."),
    Widget("function-derivative", "A function and its derivative",
           "Type a function; see it and its derivative one above the other, linked by a "
           "moving point."),
    Widget("derivative-match", "Match the graph to its derivative",
           "A game: pick the derivative's graph for a function's graph."),
    Widget("surface", "Surfaces and gradients",
           "A function of two variables as a surface and a contour map, with the gradient "
           "field, the tangent plane and the partial-derivative slices at a clicked point."),
    Widget("sandpit", "The Sandpit",
           "Find the lowest point of a hidden sandpit floor by digging: depth and the "
           "downhill arrow are all you get."),
    Widget("sandpit-descent", "Gradient descent in a sandpit",
           "Built-in strategies, or your own next_step(f, J, H), walking downhill five steps "
           "per click."),
    Widget("taylor", "Taylor series",
           "A typed function, a draggable expansion point and orders 0-20, with the error "
           "and the remainder bound."),
    Widget("taylor-2d", "Taylor series in two variables",
           "The zeroth-, first- and second-order surfaces over a function of two variables."),
    Widget("newton", "Newton–Raphson",
           "Tangent steps one at a time, and the basins of convergence over many starts."),
    Widget("lagrange", "Lagrange multipliers",
           "Contours of f, the constraint curve, and the gradients of both at a point you "
           "drag along it."),
    Widget("neural-network", "Training the heart-curve network",
           "The course's 1-6-7-2 network learning to draw a heart, live."),
    Widget("classifier-playground", "Classification playground",
           "A small network separating two classes in the plane: datasets, layers, neurons, "
           "activations."),
    Widget("linear-fit", "Linear regression",
           "Drag points or paste data; the least-squares line and chi-squared follow."),
    Widget("nonlinear-fit", "Non-linear least squares",
           "Fit a typed model by Levenberg-Marquardt and watch the iterations, parameter "
           "errors and residuals."),
    Widget("heights-fit", "Fitting the heights",
           "A Gaussian fitted to height data by steepest descent, with its path on the "
           "chi-squared contour map."),
)}

_FIELDS = {"name", "caption", "state"}


class WidgetBlockError(ValueError):
    """A ``widget`` block an author must fix; the message says what and how."""


@dataclass(frozen=True)
class WidgetBlock:
    name: str
    caption: str = ""
    state: dict[str, Any] = field(default_factory=dict)


def read_widget_block(source: str) -> WidgetBlock:
    """The widget named in one block's TOML, checked against the catalogue."""
    try:
        raw = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        raise WidgetBlockError(f"the widget block is not valid TOML: {error}") from None
    unknown = sorted(set(raw) - _FIELDS)
    if unknown:
        raise WidgetBlockError(f"the widget block has unknown fields {unknown}; "
                               f"it takes {sorted(_FIELDS)}")
    name = raw.get("name")
    if name not in WIDGETS:
        raise WidgetBlockError(f"there is no widget {name!r}; known widgets: "
                               f"{', '.join(sorted(WIDGETS))}")
    state = raw.get("state", {})
    check_state(name, state)
    caption = raw.get("caption", "")
    if not isinstance(caption, str):
        raise WidgetBlockError(f"the {name} widget's caption must be text")
    return WidgetBlock(name=name, caption=caption, state=state)


def check_state(name: str, state: Any) -> None:
    """A starting state is what a URL can carry: a flat table of text, numbers, booleans."""
    if not isinstance(state, dict) or not all(
            isinstance(v, str | int | float | bool) for v in state.values()):
        raise WidgetBlockError(f"the {name} widget's state must be a table of plain values "
                               "(text, numbers, true/false)")


def widget_html(block: WidgetBlock, caption_html: str) -> str:
    """A mount point that the widget's script fills; the caption is already rendered."""
    widget = WIDGETS[block.name]
    state = escape(json.dumps(block.state, separators=(",", ":")))
    caption = f"<figcaption>{caption_html}</figcaption>" if caption_html else ""
    return (f'<figure class="widget" data-widget="{block.name}" data-state="{state}" '
            f'aria-label="Interactive: {escape(widget.title)}">'
            f'<div class="widget-mount"></div>{caption}</figure>\n')
