"""Lesson Markdown -> HTML, with maths kept intact for KaTeX.

Markdown would otherwise eat maths (``$a_1 * b_2$`` has emphasis markers), so ``$...$`` and
``$$...$$`` are lifted out by the dollarmath rule first and written back as ``\\(...\\)`` and
``\\[...\\]`` inside ``math`` elements; KaTeX's auto-render in the browser typesets them. Raw HTML
in the source is not passed through: content stays text, whoever wrote it. A fenced
``tryit`` block becomes a "try it" form (see ``nablalab.course.tryit``), a ``widget`` block the
mount point of an interactive exploration (see ``nablalab.course.widgets``), an ``example``
block a "Worked result" box (see ``nablalab.course.examples``). Given ``LinkTargets``, lesson,
glossary and figure links get their URLs and glossary terms are linked (``nablalab.course.links``).
"""

from __future__ import annotations

from functools import cache
from html import escape
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin

from nablalab.course import examples, widgets
from nablalab.course.links import LinkTargets, resolve_links
from nablalab.course.tryit import FENCE_INFO, TryItError, read_try_it, try_it_html


def render_markdown(source: str, links: LinkTargets | None = None) -> str:
    """HTML for a lesson body: CommonMark plus tables, with maths left for KaTeX."""
    return _renderer().render(source, {"links": links} if links is not None else None)


def parse_tokens(source: str) -> list[Token]:
    """Markdown's block tokens for ``source``, each with its line range (``token.map``)."""
    return _renderer().parse(source)


def fenced_blocks(source: str, info: str) -> list[str]:
    """The contents of the fenced code blocks tagged ``info``, as Markdown itself sees them."""
    return [token.content for token in parse_tokens(source)
            if token.type == "fence" and token.info.strip() == info]


def _render_maths(content: str, options: dict[str, Any]) -> str:
    text = escape(content.strip(), quote=False)
    if options.get("display_mode"):
        return f"\\[{text}\\]"
    return f"\\({text}\\)"


def _render_fence(renderer: Any, tokens: list[Token], index: int, options: dict[str, Any],
                  env: dict[str, Any]) -> str:
    token = tokens[index]
    if token.info.strip() == FENCE_INFO:
        try:
            question = read_try_it(token.content)
        except TryItError:
            pass  # the loader reports it; shown as a plain code block meanwhile
        else:
            return try_it_html(question, _renderer().renderInline(question.prompt))
    if token.info.strip() == widgets.FENCE_INFO:
        try:
            block = widgets.read_widget_block(token.content)
        except widgets.WidgetBlockError:
            pass  # the loader reports it
        else:
            return widgets.widget_html(block, _renderer().renderInline(block.caption))
    if token.info.strip() == examples.FENCE_INFO:
        try:
            return examples.example_html(examples.read_example(token.content))
        except examples.ExampleError:
            pass  # the loader reports it
    return renderer.fence(tokens, index, options, env)


@cache
def _renderer() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": True})
    md.enable(["table", "replacements", "smartquotes"])
    # Pandoc's rules: no space just inside the dollars and no digit just outside, so prices
    # such as "$5 and $10" stay text.
    dollarmath_plugin(md, allow_labels=False, allow_space=False, allow_digits=False,
                      allow_blank_lines=False, renderer=_render_maths)
    md.add_render_rule("fence", _render_fence)
    md.core.ruler.push("nablalab_links", resolve_links)
    return md
