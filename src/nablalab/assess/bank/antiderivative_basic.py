"""Antiderivatives of powers, exponentials and trig (answers up to a constant)."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Question, Rng, Template
from ._derivative import x
from ._integral import antiderivative_question


def build(rng: Rng) -> Question:
    a, n, b = rng.integer(1, 6), rng.integer(2, 5), rng.integer(1, 3)
    trig = rng.choice([sp.sin, sp.cos])
    f = a * x**n + trig(b * x) + sp.exp(b * x)
    big_f = sp.integrate(f, x)
    return antiderivative_question(
        f, f"Find an antiderivative $F(x)$ of $f(x) = {sp.latex(f)}$ (any constant is fine).",
        [Mistake("differentiated", sp.diff(f, x),
                 "That is the derivative of f; an antiderivative F has F' = f."),
         Mistake("no-division", big_f - a * x**(n + 1) / (n + 1) + a * x**(n + 1),
                 "∫ x^n dx = x^(n+1)/(n+1): divide by the new power."),
         Mistake("trig-sign", big_f - 2 * sp.integrate(trig(b * x), x),
                 "Check the trig sign: ∫ sin = -cos and ∫ cos = +sin."),
         Mistake("no-inner", big_f - sp.integrate(sp.exp(b * x), x) + sp.exp(b * x) * b,
                 f"∫ e^({b}x) dx = e^({b}x)/{b}: divide by the inner derivative, do not "
                 "multiply.")],
        ["Integrate term by term.", "$\\int x^n dx = \\frac{x^{n+1}}{n+1}$, "
         "$\\int e^{bx} dx = \\frac{e^{bx}}{b}$."],
        "Integrate term by term, reversing each derivative rule.", {"a": a, "n": n, "b": b})


TEMPLATE = Template(
    slug="antiderivative-basic", title="Antiderivatives", module=0, topic="integration",
    quizzes=("beyond-integration",), skills=("antiderivative",), build=build)
