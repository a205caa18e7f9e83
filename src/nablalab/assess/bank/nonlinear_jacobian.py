"""The Jacobian of a model with respect to its parameters (non-linear least squares)."""

from __future__ import annotations

import sympy as sp

from nablalab.calculus import gradient
from nablalab.mathinput import symbol

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ..questions.worked import derivation

x, a1, a2 = symbol("x"), symbol("a1"), symbol("a2")


def build(rng: Rng) -> Question:
    n = rng.integer(1, 2)
    model = rng.choice([a1 * (1 - sp.exp(-a2 * x**2)), a1 * sp.exp(-a2 * x**n),
                        a1 * x / (a2 + x)])
    worked = gradient(model, ["a1", "a2"])
    expected = sp.Matrix([sp.diff(model, p) for p in (a1, a2)])
    part = Part("jacobian", "vector", expected, label="$[\\partial y/\\partial a_1, "
                "\\partial y/\\partial a_2]$", variables=("x", "a1", "a2"), mistakes=(
                    Mistake("wrt-x", sp.Matrix([sp.diff(model, x), expected[1]]),
                            "Differentiate with respect to the parameters a1 and a2; x is "
                            "data (a constant here)."),
                    Mistake("inner-sign", sp.Matrix([expected[0], -expected[1]]),
                            "Check the sign of ∂y/∂a2: the chain rule brings down the "
                            "derivative of the exponent."),
                ))
    prompt = (f"In non-linear least squares the model $y(x; a_1, a_2) = {sp.latex(model)}$ is "
              "fitted by adjusting $a_1$ and $a_2$. Find its Jacobian with respect to the "
              "parameters, $[\\partial y/\\partial a_1, \\partial y/\\partial a_2]$ (type a1, "
              "a2).")
    hints = ("Hold $x$ fixed: it is a data value, not a parameter.",
             "$\\partial y/\\partial a_2$ needs the chain rule.")
    return Question(prompt, (part,), Solution((derivation(worked),),
                                              {"jacobian": worked.result}),
                    hints, {"model": model})


TEMPLATE = Template(
    slug="nonlinear-jacobian", title="A model's Jacobian", module=6, topic="regression",
    quizzes=("m6-practice-nonlinear-fitting",),
    skills=("least-squares jacobian", "partial derivative"), build=build)
