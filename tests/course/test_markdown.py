"""Markdown rendering: maths survives intact for KaTeX, HTML in the source stays text."""

from __future__ import annotations

from nablalab.course import render_markdown


def test_inline_maths_is_protected_from_emphasis():
    html = render_markdown("Take $a_1 * b_2 * c_3$ and *this*.")
    assert r'<span class="math inline">\(a_1 * b_2 * c_3\)</span>' in html
    assert "<em>this</em>" in html and html.count("<em>") == 1


def test_display_maths_keeps_backslashes_and_escapes_html():
    html = render_markdown("$$\n\\frac{a}{b} < \\lim_{h \\to 0} h\n$$\n")
    assert r"\[\frac{a}{b} &lt; \lim_{h \to 0} h\]" in html
    assert '<div class="math block">' in html


def test_prices_are_not_maths():
    html = render_markdown("It costs $5 and $10, or $ 3 $.")
    assert "math" not in html and "$5 and $10" in html


def test_raw_html_is_shown_not_run():
    html = render_markdown('<script>alert("x")</script>\n\n<b>bold</b>')
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>" not in html


def test_tables_render():
    html = render_markdown("| a | b |\n|---|---|\n| $x$ | 2 |\n")
    assert "<table>" in html and r"<td><span class=\"math inline\">" not in html
    assert r'<td><span class="math inline">\(x\)</span></td>' in html
