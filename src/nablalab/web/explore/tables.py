"""Pasted data (CSV-like text) read into numeric columns, with messages that point at the
line to fix. Accepts commas, semicolons, tabs or spaces between values, '#' comments and
one header line."""

from __future__ import annotations

import re

import numpy as np
from ninja.errors import HttpError

_SEPARATORS = re.compile(r"[,;\t ]+")


def read_table(text: str, max_rows: int) -> list[np.ndarray]:
    """Columns x, y (and σ if every row has a third value) as float arrays."""
    rows: list[list[float]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        cells = [c for c in _SEPARATORS.split(line.split("#", 1)[0].strip()) if c]
        if not cells:
            continue
        try:
            values = [float(c) for c in cells]
        except ValueError:
            if not rows and not any(_is_number(c) for c in cells):
                continue  # a header such as "x,y"
            bad = next(c for c in cells if not _is_number(c))
            raise HttpError(422, f"Line {number}: {bad!r} is not a number.") from None
        if len(values) not in (2, 3):
            raise HttpError(422, f"Line {number}: expected x,y or x,y,sigma, found "
                                 f"{len(values)} value(s).")
        rows.append(values)
        if len(rows) > max_rows:
            raise HttpError(422, f"At most {max_rows} rows, please.")
    if not rows:
        raise HttpError(422, "No data found: paste one point per line, as x,y.")
    width = min(len(r) for r in rows)
    columns = [np.array([r[i] for r in rows]) for i in range(width)]
    if not all(np.all(np.isfinite(c)) for c in columns):
        raise HttpError(422, "Every value must be a finite number.")
    if width == 3 and np.any(columns[2] <= 0):
        raise HttpError(422, "Every uncertainty (the third column) must be positive.")
    return columns


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True
