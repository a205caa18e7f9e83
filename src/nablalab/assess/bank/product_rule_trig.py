"""The product rule with a power and a special function, e.g. x^3 sin x."""

from __future__ import annotations

import sympy as sp

from nablalab.mathinput import latex

from ..questions import Mistake, Question, Rng, Template
from ._derivative import derivative_question, x


def build(rng: Rng) -> Question:
    n, a = rng.integer(2, 5), rng.integer(1, 4)
    g = rng.choice([sp.sin, sp.cos, sp.exp])(a * x)
    u = x**n
    du, dg = sp.diff(u, x), sp.diff(g, x)
    mistakes = [
        Mistake("derivative-product", du * dg,
                "The derivative of a product is not the product of the derivatives: use "
                "(uv)' = u'v + uv'."),
        Mistake("one-term", du * g, "The product rule has two terms: u'v + uv'. One is "
                "missing."),
        Mistake("forgot-inner", du * g + u * dg / a,
                f"Differentiating {latex(g)} needs the chain rule: the inner derivative {a} "
                "multiplies it."),
    ]
    if g.func is sp.cos:
        mistakes.append(Mistake("cos-sign", du * g - u * dg,
                                "Sign slip: d/dx cos(ax) = -a sin(ax)."))
    return derivative_question(u * g, mistakes=mistakes, hints=[
        "Product rule: $(uv)' = u'v + uv'$.",
        f"Here $u = {latex(u)}$ and $v = {latex(g)}$."], parameters={"n": n, "a": a, "g": g})


TEMPLATE = Template(
    slug="product-rule-power-trig", title="Product rule: power times a function", module=1,
    topic="product rule", quizzes=("m1-practice-product-rule",),
    skills=("product rule", "special functions"), build=build)
