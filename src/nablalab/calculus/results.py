"""The answer every calculus function returns: the result, its steps, and its value at a point."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sympy as sp

from nablalab.calculus import notation
from nablalab.calculus.steps import Step


@dataclass
class CalculusResult:
    """``result`` is the derivative (an expression or a matrix); ``steps`` explain it.

    ``value`` is the exact result at ``point`` when one was given; ``extra`` holds what a
    particular calculation adds (a Hessian's eigenvalues and classification ...).
    """

    kind: str
    expression: sp.Basic
    result: sp.Basic
    steps: list[Step]
    point: dict[sp.Symbol, sp.Expr] | None = None
    value: sp.Basic | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def decimal(self) -> Any:
        """``value`` as floats (nested lists for a matrix); None if not a real number."""
        return None if self.value is None else decimal(self.value)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind,
            "expression": notation.plain(self.expression),
            "derivative": str(self.result),
            "latex": notation.latex(self.result),
            "steps": [step.to_dict() for step in self.steps],
        }
        if self.point is not None:
            data["at"] = {str(k): str(v) for k, v in self.point.items()}
            data["value"] = str(self.value)
            data["decimal"] = self.decimal
        return {**data, **self.extra}


def decimal(value: sp.Basic) -> Any:
    """Floats for JSON: a number, or nested lists for a matrix; None when not real."""
    if isinstance(value, sp.MatrixBase):
        return [[decimal(v) for v in value.row(i)] for i in range(value.rows)]
    number = sp.N(value)
    if number.is_real and number.is_finite:
        return float(number)
    return None
