"""The quotient rule, (ax + b)/(x^2 + c)."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Question, Rng, Template
from ._derivative import derivative_question, x


def build(rng: Rng) -> Question:
    a, b, c = rng.integer(1, 6), rng.integer(-6, 6, nonzero=True), rng.integer(1, 9)
    u, v = a * x + b, x**2 + c
    du, dv = sp.diff(u, x), sp.diff(v, x)
    return derivative_question(u / v, mistakes=[
        Mistake("numerator-reversed", (u * dv - du * v) / v**2,
                "The numerator is reversed: (u/v)' = (u'v - uv')/v^2 (the derivative of the "
                "top comes first)."),
        Mistake("denominator-not-squared", (du * v - u * dv) / v,
                "The denominator of the quotient rule is v squared."),
        Mistake("derivative-quotient", du / dv,
                "The derivative of a quotient is not the quotient of the derivatives."),
    ], hints=["Quotient rule: $\\left(\\frac{u}{v}\\right)' = \\frac{u'v - uv'}{v^2}$.",
              "Or write $\\frac{u}{v} = u\\, v^{-1}$ and use the product and chain rules."],
        parameters={"a": a, "b": b, "c": c})


TEMPLATE = Template(
    slug="quotient-rule", title="The quotient rule", module=1, topic="product rule",
    quizzes=("m1-practice-product-rule",), skills=("quotient rule",), build=build)
