"""The total derivative df/dt of f(x, y) along a path x(t), y(t)."""

from __future__ import annotations

import sympy as sp

from nablalab.calculus import chain_rule

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ..questions.worked import derivation
from ._multivariate import t, x, y


def build(rng: Rng) -> Question:
    a, n = rng.integer(1, 4), rng.integer(1, 3)
    f = a * x**2 * y**n
    path = rng.choice([{x: sp.cos(t), y: sp.sin(t)}, {x: t**2, y: sp.exp(t)},
                       {x: sp.exp(t), y: t + 1}])
    worked = chain_rule(f, {str(k): v for k, v in path.items()}, wrt="t")
    composed = f.subs(path)
    expected = sp.diff(composed, t)
    via_x = (sp.diff(f, x) * sp.diff(path[x], t)).subs(path)
    via_y = (sp.diff(f, y) * sp.diff(path[y], t)).subs(path)
    part = Part("derivative", "expression", expected, label="$df/dt$", variables=("t",),
                mistakes=(
                    Mistake("only-x-path", via_x,
                            "f depends on t through x AND through y: add ∂f/∂y · dy/dt."),
                    Mistake("only-y-path", via_y,
                            "f depends on t through x AND through y: add ∂f/∂x · dx/dt."),
                    Mistake("forgot-inner", (sp.diff(f, x) + sp.diff(f, y)).subs(path),
                            "Each partial derivative must be multiplied by the rate of its "
                            "variable: ∂f/∂x · dx/dt + ∂f/∂y · dy/dt."),
                ))
    path_text = ", ".join(f"{k} = {sp.latex(v)}" for k, v in path.items())
    prompt = (f"Let $f(x, y) = {sp.latex(f)}$ with ${path_text}$. Find the total derivative "
              "$\\frac{df}{dt}$ as a function of $t$.")
    hints = ("$\\frac{df}{dt} = \\frac{\\partial f}{\\partial x}\\frac{dx}{dt} + "
             "\\frac{\\partial f}{\\partial y}\\frac{dy}{dt}$.",
             "Or substitute $x(t)$ and $y(t)$ first and differentiate with respect to $t$.")
    return Question(prompt, (part,), Solution((derivation(worked),),
                                              {"derivative": worked.result}),
                    hints, {"a": a, "n": n, "path": path_text})


TEMPLATE = Template(
    slug="total-derivative", title="The total derivative", module=2,
    topic="partial derivatives", quizzes=("m2-practice-partial-derivatives",),
    skills=("total derivative", "multivariate chain rule"), build=build)
