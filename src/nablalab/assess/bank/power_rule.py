"""The power rule on a large power (the course's d/dx x^173)."""

from __future__ import annotations

from ..questions import Mistake, Question, Rng, Template
from ._derivative import derivative_question, x


def build(rng: Rng) -> Question:
    a, n = rng.integer(1, 9), rng.integer(11, 199)
    f = a * x**n
    return derivative_question(f, mistakes=[
        Mistake("kept-exponent", a * n * x**n,
                "Bring the power down as a factor AND lower the power by one: "
                "d/dx x^n = n x^(n-1)."),
        Mistake("forgot-factor", a * x**(n - 1),
                "The old power n comes down as a factor: d/dx x^n = n x^(n-1)."),
        Mistake("integrated", a * x**(n + 1) / (n + 1),
                "That is an antiderivative (you raised the power); differentiating lowers it."),
    ], hints=["Power rule: $\\frac{d}{dx} x^n = n x^{n-1}$.",
              "A constant factor stays in front: $\\frac{d}{dx}\\, a x^n = a n x^{n-1}$."],
        parameters={"a": a, "n": n})


TEMPLATE = Template(
    slug="power-rule", title="The power rule", module=1, topic="differentiation",
    quizzes=("m1-practice-differentiate", "m1-graded-toolbox"), skills=("power rule",),
    build=build)
