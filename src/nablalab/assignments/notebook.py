"""Starter notebooks from starter .py files, and grading source from notebooks.

A starter .py is split into cells at lines starting with "# %%". "# %% [markdown]" cells become
Markdown (their "# " prefixes removed). "# %% exploration" cells hold code that is not graded
(training loops, plots); in the .py it sits under `if __name__ == "__main__":`, which the
notebook drops, and the cell is tagged "exploration" so grading skips it.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

EXPLORATION = "exploration"
MAIN_GUARD = 'if __name__ == "__main__":'


def _cells(source: str) -> list[tuple[str, list[str]]]:
    cells: list[tuple[str, list[str]]] = []
    for line in source.splitlines():
        if line.startswith("# %%"):
            cells.append((line[4:].strip(), []))
        elif cells:
            cells[-1][1].append(line)
        elif line.strip():
            cells.append(("", [line]))
    return cells


def to_notebook(source: str) -> dict[str, object]:
    """The nbformat-4 notebook for a starter .py (stdlib JSON, no nbformat needed)."""
    cells = []
    for header, lines in _cells(source):
        text = "\n".join(lines).strip("\n")
        if header == "[markdown]":
            body = "\n".join(line[2:] if line.startswith("# ") else line.lstrip("#")
                             for line in text.splitlines())
            cells.append({"cell_type": "markdown", "metadata": {}, "source": body})
            continue
        metadata: dict[str, object] = {}
        if header == EXPLORATION:
            metadata["tags"] = [EXPLORATION]
            if text.startswith(MAIN_GUARD):
                text = textwrap.dedent(text[len(MAIN_GUARD):].lstrip("\n"))
        cells.append({"cell_type": "code", "metadata": metadata, "source": text,
                      "execution_count": None, "outputs": []})
    return {"cells": cells, "metadata": {"kernelspec": {"name": "python3",
            "display_name": "Python 3", "language": "python"}}, "nbformat": 4,
            "nbformat_minor": 5}


def write_notebook(starter: Path, target: Path) -> None:
    notebook = to_notebook(starter.read_text())
    target.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n")


def graded_source(notebook_text: str) -> str:
    """The code a notebook contributes to grading: code cells that are not exploration, with
    IPython magics and shell lines (% and !) left out."""
    notebook = json.loads(notebook_text)
    parts = []
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        if EXPLORATION in cell.get("metadata", {}).get("tags", []):
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        parts.append("\n".join(line for line in source.splitlines()
                               if not line.lstrip().startswith(("%", "!"))))
    return "\n\n".join(parts) + "\n"
