"""Derivatives of the elementary functions, written as a textbook table.

Each entry gives the rule's family name and f'(u) as a function of the inner variable u.
Where a textbook form and SymPy's principal branch differ off the real line (acosh, asec,
acsc, acsch), the entry uses the form valid on the whole complex plane, so answers agree
with SymPy everywhere, not only on the real domain.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import sympy as sp


class Entry(NamedTuple):
    family: str
    derivative: Callable[[sp.Expr], sp.Expr]


TABLE: dict[type, Entry] = {
    sp.exp: Entry("exp", sp.exp),
    sp.log: Entry("log", lambda u: 1 / u),
    sp.sin: Entry("trig", sp.cos),
    sp.cos: Entry("trig", lambda u: -sp.sin(u)),
    sp.tan: Entry("trig", lambda u: sp.sec(u) ** 2),
    sp.cot: Entry("trig", lambda u: -sp.csc(u) ** 2),
    sp.sec: Entry("trig", lambda u: sp.sec(u) * sp.tan(u)),
    sp.csc: Entry("trig", lambda u: -sp.csc(u) * sp.cot(u)),
    sp.asin: Entry("inverse trig", lambda u: 1 / sp.sqrt(1 - u**2)),
    sp.acos: Entry("inverse trig", lambda u: -1 / sp.sqrt(1 - u**2)),
    sp.atan: Entry("inverse trig", lambda u: 1 / (1 + u**2)),
    sp.acot: Entry("inverse trig", lambda u: -1 / (1 + u**2)),
    sp.asec: Entry("inverse trig", lambda u: 1 / (u**2 * sp.sqrt(1 - 1 / u**2))),
    sp.acsc: Entry("inverse trig", lambda u: -1 / (u**2 * sp.sqrt(1 - 1 / u**2))),
    sp.sinh: Entry("hyperbolic", sp.cosh),
    sp.cosh: Entry("hyperbolic", sp.sinh),
    sp.tanh: Entry("hyperbolic", lambda u: sp.sech(u) ** 2),
    sp.coth: Entry("hyperbolic", lambda u: -sp.csch(u) ** 2),
    sp.sech: Entry("hyperbolic", lambda u: -sp.sech(u) * sp.tanh(u)),
    sp.csch: Entry("hyperbolic", lambda u: -sp.csch(u) * sp.coth(u)),
    sp.asinh: Entry("inverse hyperbolic", lambda u: 1 / sp.sqrt(u**2 + 1)),
    sp.acosh: Entry("inverse hyperbolic", lambda u: 1 / (sp.sqrt(u - 1) * sp.sqrt(u + 1))),
    sp.atanh: Entry("inverse hyperbolic", lambda u: 1 / (1 - u**2)),
    sp.acoth: Entry("inverse hyperbolic", lambda u: 1 / (1 - u**2)),
    sp.asech: Entry("inverse hyperbolic", lambda u: -1 / (u * sp.sqrt(1 - u**2))),
    sp.acsch: Entry("inverse hyperbolic", lambda u: -1 / (u**2 * sp.sqrt(1 + 1 / u**2))),
    sp.Abs: Entry("abs", sp.sign),
}
