"""Odd, even or neither: why arctan's Maclaurin series has only odd powers.

An even function (f(-x) = f(x)) has only even powers in its Maclaurin series, an odd one
(f(-x) = -f(x)) only odd powers; the course's "Taylor series special cases" asks which.
"""

from __future__ import annotations

import sympy as sp

from nablalab.mathinput.coerce import ExprLike, as_expression


def parity(function: ExprLike, variable: sp.Symbol | str | None = None) -> str:
    """"even", "odd" or "neither" (a function that is 0 everywhere counts as even)."""
    f, variables = as_expression(function, None if variable is None else [variable])
    if not variables:
        return "even"  # a constant
    if len(variables) != 1:
        raise ValueError("parity is defined here for functions of one variable")
    (x,) = variables
    mirrored = f.subs(x, -x)
    if sp.simplify(mirrored - f) == 0:
        return "even"
    if sp.simplify(mirrored + f) == 0:
        return "odd"
    return "neither"
