"""The ```widget block: checked against the catalogue, rendered as a mount point with its
starting state, and collected into the lesson's widget list."""

from __future__ import annotations

import json
from html import unescape

import pytest

from nablalab.course.markdown import render_markdown
from nablalab.course.widgets import WIDGETS, WidgetBlockError, read_widget_block


def block(text: str) -> str:
    return f"Before.\n\n```widget\n{text}\n```\n\nAfter.\n"


def test_a_widget_block_renders_a_mount_with_its_state_and_caption():
    html = render_markdown(block('name = "taylor"\ncaption = "Try $e^x$."\n'
                                 'state = { f = "exp(x)", a = 0, order = 3 }'))
    assert 'data-widget="taylor"' in html and "<figcaption>Try" in html
    assert "\\(e^x\\)" in html  # the caption's maths is left for KaTeX
    state = unescape(html.split('data-state="')[1].split('"')[0])
    assert json.loads(state) == {"f": "exp(x)", "a": 0, "order": 3}


def test_state_cannot_smuggle_markup_into_the_page():
    html = render_markdown(block('name = "surface"\nstate = { f = "\\"><script>x</script>" }'))
    assert "<script>" not in html


@pytest.mark.parametrize(("text", "message"), [
    ('name = "sandbox"', "there is no widget 'sandbox'"),
    ('name = "taylor"\ncolour = "red"', "unknown fields ['colour']"),
    ('name = "taylor"\nstate = { f = [1, 2] }', "table of plain values"),
    ('name = "taylor"\ncaption = 3', "caption must be text"),
    ('name = ', "not valid TOML"),
])
def test_bad_blocks_are_refused_with_a_reason(text, message):
    with pytest.raises(WidgetBlockError, match=message.replace("[", r"\[").replace("]", r"\]")):
        read_widget_block(text)


def test_the_catalogue_names_are_url_safe_and_described():
    for name, widget in WIDGETS.items():
        assert name == widget.name and name.replace("-", "").isalnum() and name.islower()
        assert widget.title and len(widget.summary) > 20
