"""Constrained optimisation by Lagrange multipliers: ∇f = Σ λ_i ∇g_i with every g_i = 0.

``lagrange_points`` solves that system symbolically (time-bounded) and classifies each
critical point with the bordered Hessian; ``solve_lagrange`` finds one solution
numerically, as the course does, by Newton's method on
DL(x, λ) = [∇f - Σ λ_i ∇g_i, -g] = 0 from a starting guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy as sp
from scipy.linalg import qr

from nablalab.mathinput.coerce import ExprLike, expr_dict
from nablalab.numeric.result import Result
from nablalab.optimize.newton import newton_system
from nablalab.optimize.problem import as_system
from nablalab.timelimit import ComputationTimeout, call_with_timeout

SOLVE_SECONDS = 20.0
_ZERO = 1e-10


@dataclass(frozen=True)
class LagrangeSystem:
    """f, the constraints g_i, the Lagrangian and DL = 0 written over (x, λ)."""

    objective: sp.Expr
    constraints: tuple[sp.Expr, ...]
    variables: tuple[sp.Symbol, ...]
    multipliers: tuple[sp.Symbol, ...]
    lagrangian: sp.Expr
    equations: tuple[sp.Expr, ...]


def lagrange_system(
    f: ExprLike, constraints: Sequence[ExprLike],
    variables: Sequence[sp.Symbol | str] | None = None,
) -> LagrangeSystem:
    """Set up L = f - Σ λ_i g_i and DL = [∇_x L, -g] (constraints mean g_i = 0)."""
    if not constraints:
        raise ValueError("give at least one constraint g(x) = 0")
    exprs, xs = as_system([f, *constraints], variables)
    objective_expr, gs = exprs[0], tuple(exprs[1:])
    if len(gs) >= len(xs):
        raise ValueError(
            f"{len(gs)} constraints on {len(xs)} variables leave no freedom to optimise: "
            "use fewer constraints than variables"
        )
    lambdas = tuple(sp.Symbol(f"lambda{i + 1}" if len(gs) > 1 else "lambda", real=True)
                    for i in range(len(gs)))
    lagrangian = objective_expr - sum(lam * g for lam, g in zip(lambdas, gs, strict=True))
    equations = tuple(sp.diff(lagrangian, x) for x in xs) + tuple(-g for g in gs)
    return LagrangeSystem(objective_expr, gs, xs, lambdas, lagrangian, equations)


@dataclass(frozen=True)
class CriticalPoint:
    """One solution: the point, its multipliers, f there, and what kind of point it is."""

    point: tuple[sp.Expr, ...]
    multipliers: tuple[sp.Expr, ...]
    value: sp.Expr
    classification: str  # local max, local min, saddle, inconclusive
    minors: tuple[float, ...]
    global_label: str | None = None
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "point": [expr_dict(c) for c in self.point],
            "point_float": [float(c) for c in self.point],
            "multipliers": [expr_dict(m) for m in self.multipliers],
            "value": expr_dict(self.value), "value_float": float(self.value),
            "classification": self.classification, "minors": list(self.minors),
            "global_label": self.global_label, "note": self.note,
        }


@dataclass(frozen=True)
class LagrangeSolution:
    """Every critical point SymPy found, or why it found none."""

    system: LagrangeSystem
    points: tuple[CriticalPoint, ...]
    complete: bool
    compact: bool | None
    message: str
    bordered_hessian: sp.Matrix

    def to_dict(self) -> dict[str, Any]:
        s = self.system
        return {
            "objective": expr_dict(s.objective),
            "constraints": [expr_dict(g) for g in s.constraints],
            "variables": [v.name for v in s.variables],
            "multipliers": [m.name for m in s.multipliers],
            "lagrangian": expr_dict(s.lagrangian),
            "equations": [expr_dict(e) for e in s.equations],
            "bordered_hessian": expr_dict(self.bordered_hessian),
            "points": [p.to_dict() for p in self.points],
            "complete": self.complete, "compact": self.compact, "message": self.message,
        }


def lagrange_points(
    f: ExprLike, constraints: Sequence[ExprLike],
    variables: Sequence[sp.Symbol | str] | None = None, *,
    compact: bool | None = None, timeout: float = SOLVE_SECONDS,
) -> LagrangeSolution:
    """Solve DL = 0 exactly and classify every real critical point.

    ``compact`` says whether the constraint set is closed and bounded (then the largest and
    smallest values among the candidates are the global max and min); None lets a
    quadratic constraint with a definite leading part be recognised as bounded.
    """
    system = lagrange_system(f, constraints, variables)
    bordered = bordered_hessian(system)
    unknowns = system.variables + system.multipliers
    try:
        solutions, singular = call_with_timeout(_solve, system, timeout=timeout)
    except ComputationTimeout:
        return LagrangeSolution(
            system, (), False, compact,
            f"SymPy could not solve the Lagrange equations within {timeout:g} s. Use the "
            "numeric solver (solve_lagrange) from a starting guess instead.", bordered,
        )
    except NotImplementedError:
        return LagrangeSolution(
            system, (), False, compact,
            "SymPy has no method for these equations. Use the numeric solver "
            "(solve_lagrange) from a starting guess instead.", bordered,
        )
    points = [
        _classified(system, bordered, solution, unknowns) for solution in solutions
        if _real_point(solution, unknowns)
    ] + [
        CriticalPoint(
            tuple(solution[x] for x in system.variables), (),
            sp.simplify(system.objective.subs(solution)), "inconclusive", (),
            note="∇g = 0 here, so the multiplier rule does not apply: a candidate to check.",
        )
        for solution in singular if _real_point(solution, system.variables)
    ]
    if compact is None:
        compact = _bounded_by_quadric(system) or None
    points = _label_global(points, bool(compact))
    found = len(points)
    message = f"Found {found} real critical point{'s' if found != 1 else ''}."
    if compact:
        message += " The constraint set is closed and bounded, so f attains its global max " \
                   "and min on it, among these points."
    return LagrangeSolution(system, tuple(points), True, compact, message, bordered)


def _solve(system: LagrangeSystem) -> tuple[list[dict], list[dict]]:
    """Solutions of DL = 0, and points of a single constraint where ∇g = 0.

    At the latter the multiplier rule says nothing (∇g cannot be parallel to anything),
    so they are extra candidates for the extremes.
    """
    unknowns = list(system.variables + system.multipliers)
    regular = sp.solve(list(system.equations), unknowns, dict=True)
    if len(system.constraints) != 1:
        return regular, []
    g = system.constraints[0]
    degenerate = [g, *(sp.diff(g, x) for x in system.variables)]
    return regular, sp.solve(degenerate, list(system.variables), dict=True)


def bordered_hessian(system: LagrangeSystem) -> sp.Matrix:
    """[[0, Dg], [Dgᵀ, ∇²L]] in the variables (x) and multipliers (λ)."""
    m = len(system.constraints)
    dg = sp.Matrix(system.constraints).jacobian(system.variables)
    hess_l = sp.hessian(system.lagrangian, system.variables)
    return sp.Matrix(sp.BlockMatrix([[sp.zeros(m, m), dg], [dg.T, hess_l]]))


def classify(bordered: np.ndarray, constraints: int) -> tuple[str, tuple[float, ...]]:
    """Bordered Hessian test from its last n - m leading principal minors.

    With m constraints, the minor of order 2m + j (j = 1..n-m) must have the sign of (-1)^m
    for all j at a local min, and (-1)^(m+j) at a local max; a zero minor leaves it open.
    The test presumes the first m columns of Dg are independent, so the variables are first
    reordered (QR with column pivoting) to make them so: g = z would otherwise zero a minor.
    """
    m = constraints
    size = bordered.shape[0]
    _, _, pivots = qr(bordered[:m, m:], pivoting=True)
    order = [*range(m), *(m + p for p in pivots)]
    bordered = bordered[np.ix_(order, order)]
    minors = tuple(float(np.linalg.det(bordered[:k, :k])) for k in range(2 * m + 1, size + 1))
    scale = max(1.0, float(np.max(np.abs(bordered)))) ** size
    if any(abs(d) <= _ZERO * scale for d in minors):
        return "inconclusive", minors
    signs = [np.sign(d) for d in minors]
    if all(s == (-1) ** m for s in signs):
        return "local min", minors
    if all(s == (-1) ** (m + j) for j, s in enumerate(signs, start=1)):
        return "local max", minors
    return "saddle", minors


def _real_point(solution: dict[sp.Symbol, sp.Expr], unknowns: Sequence[sp.Symbol]) -> bool:
    """Every unknown is determined and real (solve may leave one free, or give complex)."""
    values = [solution.get(u, u) for u in unknowns]
    return all(v.is_real and not v.free_symbols for v in values)


def _classified(
    system: LagrangeSystem, bordered: sp.Matrix, solution: dict[sp.Symbol, sp.Expr],
    unknowns: tuple[sp.Symbol, ...],
) -> CriticalPoint:
    at = {u: sp.nsimplify(solution[u]) if solution[u].is_Float else solution[u]
          for u in unknowns}
    numeric = np.array(bordered.subs(at).evalf(30).tolist(), dtype=float)
    kind, minors = classify(numeric, len(system.constraints))
    return CriticalPoint(
        tuple(sp.simplify(at[x]) for x in system.variables),
        tuple(sp.simplify(at[lam]) for lam in system.multipliers),
        sp.simplify(system.objective.subs(at)), kind, minors,
    )


def _label_global(points: list[CriticalPoint], compact: bool) -> list[CriticalPoint]:
    if not compact or not points:
        return points
    values = [float(p.value) for p in points]
    top, bottom = max(values), min(values)
    labelled = []
    for point, value in zip(points, values, strict=True):
        label = ("global max" if np.isclose(value, top) else
                 "global min" if np.isclose(value, bottom) else None)
        labelled.append(CriticalPoint(point.point, point.multipliers, point.value,
                                      point.classification, point.minors, label, point.note))
    return labelled


def _bounded_by_quadric(system: LagrangeSystem) -> bool:
    """A quadratic constraint whose x² part is a definite form bounds the set (an ellipsoid)."""
    for g in system.constraints:
        if not g.is_polynomial(*system.variables):
            continue
        poly = sp.Poly(g, *system.variables)
        if poly.total_degree() != 2:
            continue
        quadratic = sp.hessian(g, system.variables) / 2
        eigenvalues = np.linalg.eigvalsh(np.array(quadratic.evalf().tolist(), dtype=float))
        if np.all(eigenvalues > 0) or np.all(eigenvalues < 0):
            return True
    return False


def solve_lagrange(
    f: ExprLike, constraints: Sequence[ExprLike], start: Sequence[float],
    variables: Sequence[sp.Symbol | str] | None = None, *, maxiter: int = 50,
) -> Result:
    """Newton's method on DL(x, λ) = 0 from ``start`` = (x..., λ...).

    ``x`` and ``fun`` of the result are the point and f there; ``multipliers``,
    ``solution`` (the whole (x, λ) root of DL) and ``classification`` are extras.
    """
    system = lagrange_system(f, constraints, variables)
    unknowns = system.variables + system.multipliers
    if len(start) != len(unknowns):
        raise ValueError(
            f"the start needs {len(unknowns)} numbers: one for each of "
            f"{', '.join(u.name for u in unknowns)}"
        )
    result = newton_system(list(system.equations), start, variables=unknowns, maxiter=maxiter)
    solution = np.asarray(result.x, dtype=float)
    n = len(system.variables)
    at = dict(zip(unknowns, solution, strict=True))
    bordered = np.array(bordered_hessian(system).subs(at).evalf().tolist(), dtype=float)
    kind, minors = classify(bordered, len(system.constraints))
    value = float(system.objective.subs(at))
    return Result(
        solution[:n], value, result.status, result.message, result.nit, result.history,
        {**result.extra, "multipliers": solution[n:], "solution": solution,
         "classification": kind, "minors": list(minors)},
    )
