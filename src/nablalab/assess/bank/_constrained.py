"""Lagrange problems whose conditions are linear (a quadratic objective, linear constraints):
the engine sets up the system and the bordered Hessian; the one critical point is found by a
linear solve in this process, which is fast enough to build a question per seed (the
engine's general solver runs SymPy in a forked, time-limited process)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import sympy as sp

from nablalab.optimize import bordered_hessian, classify, lagrange_system


@dataclass(frozen=True)
class LinearLagrangePoint:
    point: tuple[sp.Expr, ...]
    multipliers: tuple[sp.Expr, ...]
    value: sp.Expr
    bordered: sp.Matrix  # the bordered Hessian at the point
    classification: str  # the engine's bordered-Hessian test: local max, local min, ...


def linear_lagrange_point(f: sp.Expr, constraints: Sequence[sp.Expr],
                          variables: Sequence[str]) -> LinearLagrangePoint:
    system = lagrange_system(f, constraints, variables)
    unknowns = system.variables + system.multipliers
    (solution,) = sp.linsolve(list(system.equations), list(unknowns))
    at = dict(zip(unknowns, solution, strict=True))
    bordered = bordered_hessian(system).subs(at)
    kind, _minors = classify(np.array(bordered.tolist(), dtype=float), len(constraints))
    count = len(system.variables)
    return LinearLagrangePoint(tuple(solution[:count]), tuple(solution[count:]),
                               sp.simplify(f.subs(at)), bordered, kind)
