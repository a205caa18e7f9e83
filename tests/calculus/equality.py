"""Checking our derivatives against SymPy's ``diff``: exactly when cheap, else numerically."""

from __future__ import annotations

import random

import mpmath
import sympy as sp


def assert_equal_to(ours: sp.Expr, reference: sp.Expr, symbols: list[sp.Symbol],
                    seed: int = 0) -> None:
    """ours == reference: zero difference after expansion, or agreement at random points."""
    if sp.expand(ours - reference) == 0:
        return
    rng = random.Random(seed)
    checked = 0
    for _ in range(40):
        point = {s: sp.Float(rng.uniform(0.2, 1.8) * rng.choice((1, -1)), 30) for s in symbols}
        expected = _value(reference, point)
        if expected is None:
            continue
        got = _value(ours, point)
        assert got is not None, f"{ours} is undefined at {point} but {reference} = {expected}"
        assert mpmath.almosteq(got, expected, rel_eps=1e-12, abs_eps=1e-12), (
            f"{ours} != {reference} at {point}: {got} vs {expected}")
        checked += 1
        if checked == 4:
            return
    assert checked, f"no point where {reference} is defined to compare with {ours}"


def _value(expr: sp.Expr, point: dict) -> mpmath.mpc | None:
    value = expr.evalf(30, subs=point)
    if not value.is_number or value.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        return None
    number = complex(value)
    if abs(number) > 1e12:
        return None
    return mpmath.mpc(number)
