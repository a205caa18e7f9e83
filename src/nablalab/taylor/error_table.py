"""How fast an approximation's error shrinks as we move closer to the expansion point.

For an order-n approximation the error behaves like C d^(n+1): halving d divides it by
2^(n+1) (4 for linearisation, the O(Δx^2) of the course). The table shows the error, the
ratio error/d^(n+1) settling to C, and the factor by which each halving reduced it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy as sp

DEFAULT_DISTANCES = tuple(0.5**k for k in range(1, 9))


@dataclass(frozen=True)
class ErrorTable:
    """Rows of (distance, f, approximation, error, error/d^(order+1), reduction factor)."""

    order: int
    direction: tuple[float, ...]
    rows: tuple[dict[str, float | None], ...]

    def to_dict(self) -> dict[str, Any]:
        return {"order": self.order, "direction": list(self.direction), "rows": list(self.rows)}


def error_table(
    f: sp.Expr, approximation: sp.Expr, variables: Sequence[sp.Symbol],
    point: Sequence[sp.Expr], direction: Sequence[float], order: int,
    distances: Sequence[float] | None = None,
) -> ErrorTable:
    """Compare f and its approximation at point + d * unit(direction) for each distance d."""
    unit = np.asarray(direction, dtype=float)
    if unit.shape != (len(variables),) or not np.linalg.norm(unit):
        raise ValueError("the direction needs one non-zero component per variable")
    unit = unit / np.linalg.norm(unit)
    steps = np.asarray(distances or DEFAULT_DISTANCES, dtype=float)
    centre = np.array([float(c) for c in point])
    where = centre[:, None] + unit[:, None] * steps[None, :]
    exact = np.broadcast_to(sp.lambdify(variables, f, "numpy")(*where), steps.shape)
    approx = np.broadcast_to(sp.lambdify(variables, approximation, "numpy")(*where), steps.shape)
    errors = np.abs(exact - approx)
    rows = []
    for i, d in enumerate(steps):
        reduction = errors[i - 1] / errors[i] if i and errors[i] else None
        rows.append({
            "distance": float(d), "f": float(exact[i]), "approximation": float(approx[i]),
            "error": float(errors[i]), "scaled_error": float(errors[i] / d ** (order + 1)),
            "reduction": None if reduction is None else float(reduction),
        })
    return ErrorTable(order, tuple(float(u) for u in unit), tuple(rows))
