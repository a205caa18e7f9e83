"""Lesson Markdown -> HTML, with maths kept intact for KaTeX.

Markdown would otherwise eat maths (``$a_1 * b_2$`` has emphasis markers), so ``$...$`` and
``$$...$$`` are lifted out by the dollarmath rule first and written back as ``\\(...\\)`` and
``\\[...\\]`` inside ``math`` elements; KaTeX's auto-render in the browser typesets them. Raw HTML
in the source is not passed through: content stays text, whoever wrote it. A fenced
``tryit`` block becomes a "try it" form (see ``nablalab.course.tryit``).
"""

from __future__ import annotations

from functools import cache
from html import escape
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin

from nablalab.course.tryit import FENCE_INFO, TryItError, read_try_it, try_it_html


def render_markdown(source: str) -> str:
    """HTML for a lesson body: CommonMark plus tables, with maths left for KaTeX."""
    return _renderer().render(source)


def fenced_blocks(source: str, info: str) -> list[str]:
    """The contents of the fenced code blocks tagged ``info``, as Markdown itself sees them."""
    return [token.content for token in _renderer().parse(source)
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
    return md
