"""A second derivative (the course's e^x + 2 sin x + x^3)."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Question, Rng, Template
from ._derivative import derivative_question, x


def build(rng: Rng) -> Question:
    a, n = rng.integer(2, 6), rng.integer(3, 6)
    trig = rng.choice([sp.sin, sp.cos])
    f = sp.exp(x) + a * trig(x) + x**n
    second = sp.diff(f, x, 2)
    return derivative_question(f, order=2, mistakes=[
        Mistake("first-only", sp.diff(f, x),
                "That is the first derivative: differentiate once more."),
        Mistake("trig-sign", second + 2 * a * trig(x),
                "Sign slip: differentiating sin twice gives -sin (and cos twice gives -cos)."),
        Mistake("power-once", second - n * (n - 1) * x**(n - 2) + n * x**(n - 2),
                "Lower the power twice: d²/dx² x^n = n(n-1) x^(n-2)."),
    ], hints=["Differentiate term by term, then differentiate the result again.",
              "Two derivatives of $\\sin$ or $\\cos$ bring back the same function with a minus "
              "sign."],
        parameters={"a": a, "n": n, "trig": trig.__name__})


TEMPLATE = Template(
    slug="second-derivative", title="Second derivatives", module=1, topic="differentiation",
    quizzes=("m1-practice-differentiate", "m1-graded-toolbox"),
    skills=("second derivative", "special functions"), build=build)
