"""The general term of a power series, as SymPy's formal power series finds it.

``fps`` writes sparse series with a Piecewise on n mod p (e^(x^2): 1/(n/2)! when n is
even); re-indexing n = p*m + r turns that into the form a learner expects (x^(2m)/m!).
Every formula is checked against directly computed coefficients before it is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy as sp
from sympy.series.formal import FormalPowerSeries

from nablalab.mathinput.coerce import expr_dict
from nablalab.timelimit import ComputationTimeout, call_with_timeout

FPS_SECONDS = 8.0
_CHECKED_TERMS = 8


@dataclass(frozen=True)
class GeneralTerm:
    """term(index) = coefficient(index) * (x - a)^(step*index + offset), for index >= start."""

    index: sp.Symbol
    coefficient: sp.Expr
    step: int
    offset: int
    start: int
    term: sp.Expr

    def power(self) -> sp.Expr:
        return self.step * self.index + self.offset

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index.name, "coefficient": expr_dict(self.coefficient),
            "term": expr_dict(self.term), "power": expr_dict(self.power()),
            "start": self.start,
        }


def find_general_term(f: sp.Expr, x: sp.Symbol, a: sp.Expr) -> GeneralTerm | None:
    """The checked general term of f's series about a, or None when SymPy finds none."""
    try:
        return call_with_timeout(_general_term, f, x, a, timeout=FPS_SECONDS)
    except (ComputationTimeout, ValueError, NotImplementedError, TypeError):
        return None


def _general_term(f: sp.Expr, x: sp.Symbol, a: sp.Expr) -> GeneralTerm | None:
    series = sp.fps(f, x, a)
    if not isinstance(series, FormalPowerSeries):
        return None
    k = series.ak.variables[0]
    n = sp.Symbol("n", integer=True, nonnegative=True)
    coefficient, step, offset = _reindex(series.ak.formula.xreplace({k: n}), n)
    coefficient = _tidy(coefficient)
    start = _first_index(int(series.ak.start), step, offset)
    term = coefficient * (x - a) ** (step * n + offset)
    general = GeneralTerm(n, coefficient, step, offset, start, term)
    if not _matches(general, f, x, a, general.start):
        return None
    while general.start > 0 and _matches(general, f, x, a, general.start - 1, count=0):
        general = GeneralTerm(n, coefficient, step, offset, general.start - 1, term)
    return general


def _tidy(coefficient: sp.Expr) -> sp.Expr:
    """The shortest of a few rewritings: (n+1)!/n! -> n + 1, Rising factorials -> 1/(2n+1)."""
    candidates = [coefficient, sp.simplify(sp.expand_func(sp.gammasimp(coefficient)))]
    return min(candidates, key=sp.count_ops)


def _reindex(formula: sp.Expr, n: sp.Symbol) -> tuple[sp.Expr, int, int]:
    """Piecewise((c(n), n mod p == r), (0, True)) -> (c(p*n + r), p, r)."""
    if isinstance(formula, sp.Piecewise) and len(formula.args) == 2:
        (value, condition), (zero, _) = formula.args
        if (
            zero == 0 and isinstance(condition, sp.Eq) and isinstance(condition.lhs, sp.Mod)
            and condition.lhs.args[0] == n and condition.lhs.args[1].is_Integer
            and condition.rhs.is_Integer
        ):
            step, offset = int(condition.lhs.args[1]), int(condition.rhs)
            return value.xreplace({n: step * n + offset}), step, offset
    return formula, 1, 0


def _first_index(start_power: int, step: int, offset: int) -> int:
    """The smallest index whose power is at least ``start_power``."""
    return max(0, -(-(start_power - offset) // step))


def _matches(
    general: GeneralTerm, f: sp.Expr, x: sp.Symbol, a: sp.Expr, first: int,
    count: int = _CHECKED_TERMS,
) -> bool:
    """Does the formula reproduce the actual series coefficients from index ``first``?"""
    last = first + count
    top_power = general.step * last + general.offset
    t = sp.Symbol("t")
    expansion = sp.expand(sp.series(f.subs(x, a + t), t, 0, top_power + 1).removeO())
    for m in range(first, last + 1):
        power = general.step * m + general.offset
        formula = general.coefficient.subs(general.index, m)
        if not formula.is_finite or sp.simplify(formula - expansion.coeff(t, power)) != 0:
            return False
    return True
