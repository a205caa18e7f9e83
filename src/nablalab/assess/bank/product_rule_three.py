"""The product rule with three factors, e.g. x e^x cos x."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Question, Rng, Template
from ._derivative import derivative_question, x


def build(rng: Rng) -> Question:
    n = rng.integer(1, 3)
    trig = rng.choice([sp.sin, sp.cos])
    factors = (x**n, sp.exp(x), trig(x))
    f = sp.Mul(*factors)
    terms = [sp.Mul(*(sp.diff(g, x) if i == j else g for j, g in enumerate(factors)))
             for i in range(3)]
    right = sum(terms)
    return derivative_question(f, mistakes=[
        Mistake("missing-trig-term", terms[0] + terms[1],
                "With three factors there are three terms: differentiate each factor in turn "
                "and keep the other two."),
        Mistake("missing-power-term", terms[1] + terms[2],
                "With three factors there are three terms: (uvw)' = u'vw + uv'w + uvw'."),
        Mistake("trig-sign", right - 2 * terms[2],
                "Check the sign of the trig derivative: (sin x)' = cos x, (cos x)' = -sin x."),
    ], hints=["$(uvw)' = u'vw + uv'w + uvw'$.",
              "Or group two factors: $(u \\cdot (vw))' = u'(vw) + u(vw)'$."],
        parameters={"n": n, "trig": trig.__name__})


TEMPLATE = Template(
    slug="product-rule-three", title="Product rule: three factors", module=1,
    topic="product rule", quizzes=("m1-practice-product-rule", "m1-graded-toolbox"),
    skills=("product rule",), build=build)
