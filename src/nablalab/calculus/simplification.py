"""The final tidy-up of a derivative, bounded in time so no input can stall a request.

SymPy's ``simplify`` tries everything and can take seconds (``trigsimp`` alone often takes
tens of milliseconds); here a few cheap rewrites compete and the shortest form wins. Each
rewrite is skipped once the budget is spent, and expressions too large to rewrite quickly
are left as they are.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import sympy as sp

MAX_OPS = 150
BUDGET_SECONDS = 0.05


def _rewrites(expr: sp.Expr) -> list[Callable[[sp.Expr], sp.Expr]]:
    rewrites: list[Callable[[sp.Expr], sp.Expr]] = [sp.factor_terms]
    if expr.is_rational_function():
        rewrites.append(sp.cancel)
        rewrites.append(sp.factor)
    else:
        rewrites.append(lambda e: sp.factor_terms(sp.together(e)))
    rewrites.append(sp.powsimp)
    return rewrites


def tidy(expr: sp.Expr, budget: float = BUDGET_SECONDS) -> sp.Expr:
    """An equal expression with fewer operations, or ``expr`` itself."""
    if expr.is_Atom or not isinstance(expr, sp.Expr):
        return expr
    best, best_size = expr, _size(expr)
    if best_size[0] > MAX_OPS:
        return expr
    deadline = time.perf_counter() + budget
    for rewrite in _rewrites(expr):
        if time.perf_counter() > deadline:
            break
        candidate = rewrite(expr)
        size = _size(candidate)
        if size < best_size:
            best, best_size = candidate, size
    return best


def _size(expr: sp.Expr) -> tuple[int, int]:
    """Fewer operations first, then the shorter text (x*cos(x) - sin(x))/x^2-style ties)."""
    return sp.count_ops(expr), len(str(expr))
