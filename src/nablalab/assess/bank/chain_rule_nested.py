"""The chain rule twice, e.g. e^(sin(x^2))."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Question, Rng, Template
from ._derivative import derivative_question, x


def build(rng: Rng) -> Question:
    a, n = rng.integer(1, 4), rng.integer(2, 3)
    middle = rng.choice([sp.sin, sp.cos])
    innermost = a * x**n
    f = sp.exp(middle(innermost))
    right = sp.diff(f, x)
    inner_derivative = sp.diff(innermost, x)
    return derivative_question(f, mistakes=[
        Mistake("forgot-innermost", right / inner_derivative,
                f"Two chain rules: you also need the derivative of {sp.sstr(innermost)}."),
        Mistake("forgot-middle", f * inner_derivative,
                f"Two chain rules: you also need the derivative of {middle.__name__}."),
        Mistake("forgot-inner", f, "The chain rule multiplies by the inner derivatives."),
    ], hints=["Work from the outside in: $e^{u}$, then $u = \\sin(v)$ or $\\cos(v)$, then $v$.",
              "$f' = e^{u} \\cdot u'(v) \\cdot v'(x)$."],
        parameters={"a": a, "n": n, "middle": middle.__name__})


TEMPLATE = Template(
    slug="chain-rule-nested", title="Chain rule: three layers", module=1, topic="chain rule",
    quizzes=("m1-practice-chain-rule", "m1-graded-toolbox"), skills=("chain rule",),
    build=build)
