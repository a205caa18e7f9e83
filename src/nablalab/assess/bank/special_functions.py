"""Derivatives of the special functions: e^x, sin, cos and ln together."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Question, Rng, Template
from ._derivative import derivative_question, x


def build(rng: Rng) -> Question:
    a, b, c, d = (rng.integer(-7, 7, nonzero=True) for _ in range(4))
    f = a * sp.exp(x) + b * sp.sin(x) + c * sp.cos(x) + d * sp.log(x)
    right = sp.diff(f, x)
    return derivative_question(f, mistakes=[
        Mistake("cos-sign", right + 2 * c * sp.sin(x),
                "Sign slip: d/dx cos(x) = -sin(x)."),
        Mistake("sin-sign", right - 2 * b * sp.cos(x),
                "d/dx sin(x) = +cos(x); it is cos whose derivative has the minus sign."),
        Mistake("exp-power-rule", right - a * sp.exp(x) + a * x * sp.exp(x - 1),
                "e^x is not a power of x: the power rule does not apply. d/dx e^x = e^x."),
        Mistake("log-wrong", right - d / x + d * sp.exp(x),
                "d/dx ln(x) = 1/x."),
    ], hints=["$\\frac{d}{dx}e^x = e^x$, $\\frac{d}{dx}\\ln x = \\frac{1}{x}$.",
              "$\\frac{d}{dx}\\sin x = \\cos x$ and $\\frac{d}{dx}\\cos x = -\\sin x$."],
        parameters={"a": a, "b": b, "c": c, "d": d})


TEMPLATE = Template(
    slug="special-functions", title="Exponentials, logs and trig", module=1,
    topic="differentiation", quizzes=("m1-practice-differentiate",),
    skills=("special functions", "sum rule"), build=build)
