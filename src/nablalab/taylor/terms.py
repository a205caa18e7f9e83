"""Terms written as by hand: -(x - 4)/16 rather than SymPy's automatic -x/16 + 1/4."""

from __future__ import annotations

from collections.abc import Iterable

import sympy as sp


def written_term(coefficient: sp.Expr, factors: Iterable[sp.Expr]) -> sp.Expr:
    """coefficient · Π factors, left unevaluated so the factors (x - a)^k stay visible."""
    factors = [f for f in factors if f != 1]
    if coefficient == 0:
        return sp.S.Zero
    if not factors:
        return coefficient
    number, rest = coefficient.as_coeff_Mul()
    parts = [rest, *factors] if rest != 1 else factors
    if number == 1:
        return sp.Mul(*parts)  # no bare number, so nothing gets distributed
    return sp.Mul(number, *parts, evaluate=False)


def written_sum(terms: Iterable[sp.Expr]) -> sp.Expr:
    """The sum of the non-zero terms, unevaluated (0 when none)."""
    kept = [part for t in terms if t != 0 for part in (t.args if t.is_Add else (t,))]
    if not kept:
        return sp.S.Zero
    return kept[0] if len(kept) == 1 else sp.Add(*kept, evaluate=False)
