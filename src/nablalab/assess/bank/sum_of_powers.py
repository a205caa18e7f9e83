"""Differentiating a sum of powers written as roots and fractions (sqrt x, 1/x)."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Question, Rng, Template
from ._derivative import derivative_question, x


def build(rng: Rng) -> Question:
    a, n = rng.integer(-5, 5, nonzero=True), rng.integer(2, 6)
    b, c, d = rng.integer(1, 6), rng.integer(-6, 6, nonzero=True), rng.integer(1, 9)
    f = a * x**n + b * sp.sqrt(x) + c / x + d
    right = sp.diff(f, x)
    return derivative_question(f, mistakes=[
        Mistake("reciprocal-sign", right + 2 * c / x**2,
                "1/x = x^(-1), so its derivative is -x^(-2) = -1/x^2: the sign changes."),
        Mistake("root-half", right + b / (2 * sp.sqrt(x)),
                "sqrt(x) = x^(1/2): the power 1/2 comes down, so d/dx sqrt(x) = 1/(2 sqrt(x))."),
        Mistake("kept-constant", right + d,
                "A constant does not change, so its derivative is 0."),
    ], hints=["Rewrite the roots and fractions as powers: $\\sqrt{x} = x^{1/2}$, "
              "$\\frac{1}{x} = x^{-1}$.",
              "Then apply $\\frac{d}{dx} x^n = n x^{n-1}$ to each term; constants give 0."],
        parameters={"a": a, "n": n, "b": b, "c": c, "d": d})


TEMPLATE = Template(
    slug="sum-of-powers", title="Powers, roots and reciprocals", module=1,
    topic="differentiation", quizzes=("m1-practice-differentiate",),
    skills=("power rule", "sum rule"), build=build)
