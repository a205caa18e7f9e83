"""The chain rule with an exponential outside, e.g. e^(x^2 - 3)."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Question, Rng, Template
from ._derivative import derivative_question, x


def build(rng: Rng) -> Question:
    a, n, b = rng.integer(1, 5), rng.integer(2, 4), rng.integer(-5, 5)
    inner = a * x**n + b
    f = sp.exp(inner)
    return derivative_question(f, mistakes=[
        Mistake("forgot-inner", f,
                "You forgot the chain rule's inner derivative: multiply by the derivative of "
                "the exponent."),
        Mistake("power-rule-on-exp", inner * sp.exp(inner - 1),
                "e^u is not a power of x: d/dx e^u = e^u · u'."),
    ], hints=["Chain rule: $\\frac{d}{dx} e^{u(x)} = e^{u(x)}\\, u'(x)$.",
              f"The inner function is $u(x) = {sp.latex(inner)}$."],
        parameters={"a": a, "n": n, "b": b})


TEMPLATE = Template(
    slug="chain-rule-exp", title="Chain rule: exponentials", module=1, topic="chain rule",
    quizzes=("m1-practice-chain-rule",), skills=("chain rule",), build=build)
