"""Finding the LaTeX inside Markdown ($...$ and $$...$$), for validation and rendering."""

from __future__ import annotations

import re

_MATH = re.compile(r"(?<!\\)\$\$(.+?)(?<!\\)\$\$|(?<!\\)\$(.+?)(?<!\\)\$", re.DOTALL)


def math_snippets(markdown: str) -> list[str]:
    """Every maths snippet of ``markdown``, in order (unescaped dollars delimit them)."""
    return [m.group(1) or m.group(2) for m in _MATH.finditer(markdown)]


def unbalanced(snippet: str) -> str | None:
    """Why ``snippet``'s braces do not balance, or None (a quick check before KaTeX)."""
    depth = 0
    escaped = False
    for char in snippet:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                return "a '}' closes nothing"
    return None if depth == 0 else f"{depth} '{{' never closed"
