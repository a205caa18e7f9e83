"""Taming a beast: a long expression that needs every rule at once."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Question, Rng, Template
from ._derivative import derivative_question, x


def build(rng: Rng) -> Question:
    a, n, b = rng.integer(1, 5), rng.integer(2, 4), rng.integer(1, 3)
    inner = x**2 + a
    u, v = inner**n, sp.sin(b * x)
    w = sp.exp(x)
    f = u * v / w
    du_no_inner = n * inner**(n - 1)
    right = sp.diff(f, x)
    return derivative_question(f, mistakes=[
        Mistake("forgot-inner", right - (sp.diff(u, x) - du_no_inner) * v / w,
                f"The power (x^2 + {a})^{n} needs the chain rule: multiply by 2x."),
        Mistake("quotient-sign", right + 2 * u * v / w,
                "Dividing by e^x is multiplying by e^(-x), whose derivative is -e^(-x): "
                "that term takes a minus sign."),
        Mistake("forgot-trig-inner", right - u * sp.diff(v, x) / w + u * sp.cos(b * x) / w,
                f"sin({b}x) needs the chain rule: its derivative is {b} cos({b}x)."),
    ], hints=["Write $f = u\\,v\\,e^{-x}$ and use the product rule for three factors.",
              f"$u = (x^2 + {a})^{n}$ and $v = \\sin({b}x)$ each need the chain rule."],
        parameters={"a": a, "n": n, "b": b})


TEMPLATE = Template(
    slug="taming-a-beast", title="Taming a beast", module=1, topic="chain rule",
    quizzes=("m1-graded-toolbox",), skills=("product rule", "chain rule", "quotient rule"),
    build=build)
