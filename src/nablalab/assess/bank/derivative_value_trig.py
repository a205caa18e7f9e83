"""Product and chain rule, then evaluate (the course's f'(pi) for sin x e^(cos x))."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Question, Rng, Template
from ._derivative import derivative_value_question, x


def build(rng: Rng) -> Question:
    trig, other = rng.choice([(sp.sin, sp.cos), (sp.cos, sp.sin)])
    a = rng.integer(1, 3)
    point = rng.choice([sp.pi, sp.pi / 2, sp.pi / 3, 0])
    f = trig(x) * sp.exp(a * other(x))
    u, v = trig(x), sp.exp(a * other(x))
    first = (sp.diff(u, x) * v).subs(x, point)
    return derivative_value_question(f, point, mistakes=[
        Mistake("one-term", first, "The product rule has two terms; you kept only u'v."),
        Mistake("forgot-inner", first + (u * v).subs(x, point),
                "The exponential needs the chain rule: multiply by the derivative of its "
                "exponent."),
        Mistake("function-value", f.subs(x, point),
                "That is f at the point; differentiate first, then substitute."),
    ], hints=["Product rule on $u = " + sp.latex(u) + "$ and $v = " + sp.latex(v) + "$.",
              "$v' = e^{g(x)} g'(x)$ by the chain rule; substitute the point at the end."],
        parameters={"a": a, "point": point, "trig": trig.__name__})


TEMPLATE = Template(
    slug="derivative-value-trig", title="Product and chain rule at a point", module=1,
    topic="differentiation", quizzes=("m1-graded-toolbox", "m1-practice-chain-rule"),
    skills=("product rule", "chain rule", "evaluate derivative"), build=build)
