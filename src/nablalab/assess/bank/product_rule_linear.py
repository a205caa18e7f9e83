"""The product rule on two linear factors, e.g. (x + 2)(3x - 3)."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Question, Rng, Template
from ._derivative import derivative_question, x


def build(rng: Rng) -> Question:
    a, b, c = rng.integer(-6, 6, nonzero=True), rng.integer(2, 6), rng.integer(-6, 6,
                                                                              nonzero=True)
    u, v = x + a, b * x + c
    f = sp.Mul(u, v, evaluate=False)
    return derivative_question(f, mistakes=[
        Mistake("derivative-product", b,
                "The derivative of a product is not the product of the derivatives: use "
                "(uv)' = u'v + uv'."),
        Mistake("one-term", v, "The product rule has two terms: u'v + uv'. One is missing."),
        Mistake("other-term", b * u,
                "The product rule has two terms: u'v + uv'. One is missing."),
    ], hints=["Product rule: $(uv)' = u'v + uv'$.",
              f"Here $u = {sp.latex(u)}$ and $v = {sp.latex(v)}$."],
        parameters={"a": a, "b": b, "c": c})


TEMPLATE = Template(
    slug="product-rule-linear", title="Product rule: two brackets", module=1,
    topic="product rule", quizzes=("m1-practice-product-rule",), skills=("product rule",),
    build=build)
