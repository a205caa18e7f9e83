"""The chain rule on a power of a trig function, e.g. sin^3 x."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Question, Rng, Template
from ._derivative import derivative_question, x


def build(rng: Rng) -> Question:
    n, a = rng.integer(2, 5), rng.integer(1, 3)
    trig = rng.choice([sp.sin, sp.cos])
    g = trig(a * x)
    dg = sp.diff(g, x)
    mistakes = [
        Mistake("forgot-inner", n * g**(n - 1),
                "You forgot the chain rule's inner derivative: multiply by the derivative of "
                f"{trig.__name__}({sp.sstr(a * x)})."),
        Mistake("forgot-power", dg, "The outer function is a power: d/du u^n = n u^(n-1) comes "
                "first."),
    ]
    if a != 1:
        mistakes.append(Mistake("forgot-innermost", n * g**(n - 1) * dg / a,
                                f"There are two inner derivatives: the trig function's and "
                                f"that of {a}x (which is {a})."))
    if trig is sp.cos:
        mistakes.append(Mistake("cos-sign", -n * g**(n - 1) * dg,
                                "Sign slip: d/dx cos(u) = -sin(u) u'."))
    return derivative_question(g**n, mistakes=mistakes, hints=[
        f"Write $f = u^{n}$ with $u = {sp.latex(g)}$.",
        "Chain rule: $f' = n u^{n-1} \\cdot u'$."], parameters={"n": n, "a": a,
                                                                 "trig": trig.__name__})


TEMPLATE = Template(
    slug="chain-rule-power", title="Chain rule: powers of functions", module=1,
    topic="chain rule", quizzes=("m1-practice-chain-rule",), skills=("chain rule",),
    build=build)
