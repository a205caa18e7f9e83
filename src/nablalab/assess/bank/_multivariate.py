"""Shared pieces of the several-variable questions: symbols and matrix parts."""

from __future__ import annotations

from collections.abc import Sequence

import sympy as sp

from nablalab.calculus import CalculusResult
from nablalab.mathinput import symbol

from ..questions import Mistake, Part

x, y, z, t = (symbol(name) for name in "xyzt")
r, theta, phi = symbol("r"), symbol("theta"), symbol("phi")

def matrix_part(result: CalculusResult, name: str, label: str, variables: Sequence[str],
                mistakes: Sequence[Mistake] = (), at_point: bool = False) -> Part:
    """A matrix answer from an engine result (its value at the point when ``at_point``).

    A transposed matrix needs no declaration: the checker recognises it (and its own test
    runs before declared mistakes, so a declared transpose would never show its feedback).
    """
    value = sp.Matrix(result.value if at_point else result.result)
    return Part(name, "matrix", value, label=label, variables=tuple(variables),
                mistakes=tuple(mistakes))
