"""Linearisation as an equation: the tangent line y = f(a) + f'(a)(x − a)."""

from __future__ import annotations

import sympy as sp

from nablalab.calculus import differentiate
from nablalab.mathinput import symbol

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ..questions.worked import derivation
from ._derivative import x

y = symbol("y")


def build(rng: Rng) -> Question:
    f = rng.choice([x**3 - 2 * x, sp.sqrt(x + 5), sp.exp(x - 1), x**2 + 3 / x])
    a = rng.choice([1, 2, 4])
    worked = differentiate(f, at={x: a})
    fa, slope = f.subs(x, a), worked.value
    part = Part("tangent", "equation", sp.Eq(y, fa + slope * (x - a)), label="tangent line",
                variables=("x", "y"), mistakes=(
                    Mistake("not-shifted", sp.Eq(y, fa + slope * x),
                            f"The slope multiplies (x - {a}), the distance from the point."),
                    Mistake("slope-only", sp.Eq(y, slope * (x - a)),
                            f"The line must pass through (a, f(a)): add f({a})."),
                ))
    steps = (f"$f({a}) = {sp.latex(fa)}$.", derivation(worked),
             f"Tangent line: $y = {sp.latex(fa)} + {sp.latex(slope)}(x - {a})$.")
    prompt = (f"Write the equation of the tangent line (first-order approximation) to "
              f"$f(x) = {sp.latex(f)}$ at $x = {a}$, in the form y = ...")
    hints = ("$y = f(a) + f'(a)(x - a)$.",)
    return Question(prompt, (part,), Solution(steps, {"tangent": sp.Eq(y, fa + slope *
                                                                      (x - a))}),
                    hints, {"f": f, "a": a})


TEMPLATE = Template(
    slug="tangent-line", title="Linearisation: the tangent line", module=4,
    topic="taylor series", quizzes=("m4-practice-applying-taylor",),
    skills=("linearisation",), build=build)
