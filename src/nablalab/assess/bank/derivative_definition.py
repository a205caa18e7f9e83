"""The definition of the derivative: the limit of rise over run for a quadratic."""

from __future__ import annotations

import sympy as sp

from nablalab.calculus import differentiate
from nablalab.mathinput import latex, symbol

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ..questions.worked import derivation
from ._derivative import x

h = symbol("h")


def build(rng: Rng) -> Question:
    a, b, c = rng.integer(-5, 5, nonzero=True), rng.integer(-9, 9), rng.integer(-9, 9)
    f = a * x**2 + b * x + c
    quotient = sp.expand((f.subs(x, x + h) - f) / h)
    limit = sp.limit(quotient, h, 0)
    steps = (
        f"Rise over run for a step $h$: $\\frac{{f(x+h)-f(x)}}{{h}} = {latex(quotient)}$.",
        f"Let $h \\to 0$: every term with $h$ vanishes, leaving ${latex(limit)}$.",
        derivation(differentiate(f), "The rules of differentiation agree:"),
    )
    part = Part("derivative", "expression", limit, label="$f'(x)$", variables=("x",),
                mistakes=(
                    Mistake("kept-constant", limit + c,
                            "The constant cancels in f(x+h) - f(x): it does not survive."),
                    Mistake("no-factor-two", limit - a * x,
                            "(x+h)^2 = x^2 + 2xh + h^2: the cross term gives 2x, not x."),
                ))
    prompt = (f"Use the definition $f'(x) = \\lim_{{h\\to 0}} \\frac{{f(x+h) - f(x)}}{{h}}$ "
              f"to find the derivative of $f(x) = {latex(f)}$.")
    hints = ("Expand $f(x+h)$ and subtract $f(x)$: the terms without $h$ cancel.",
             "Divide by $h$, then let $h \\to 0$.")
    return Question(prompt, (part,), Solution(steps, {"derivative": limit}), hints,
                    {"a": a, "b": b, "c": c})


TEMPLATE = Template(
    slug="derivative-definition", title="The derivative from its definition", module=1,
    topic="differentiation", quizzes=("m1-practice-differentiate",),
    skills=("definition of derivative", "rise over run"), build=build)
