"""Split a Markdown file into its TOML front matter and its body.

Front matter is TOML between two ``+++`` lines (as in Hugo): the standard library reads it
strictly and safely, so content needs no YAML dependency and cannot run code.
"""

from __future__ import annotations

import tomllib
from typing import Any

FENCE = "+++"


class FrontMatterError(ValueError):
    """The file does not start with a readable ``+++`` TOML block."""


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Return ``(fields, body)``; the body keeps its own line breaks."""
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        raise FrontMatterError(f"it must start with a '{FENCE}' line opening the front matter")
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == FENCE:
            header = "".join(lines[1:index])
            body = "".join(lines[index + 1:])
            break
    else:
        raise FrontMatterError(f"the front matter is never closed by a second '{FENCE}' line")
    try:
        fields = tomllib.loads(header)
    except tomllib.TOMLDecodeError as error:
        raise FrontMatterError(f"the front matter is not valid TOML ({error})") from None
    return fields, body
