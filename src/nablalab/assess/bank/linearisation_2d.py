"""A first-order 2-D Taylor expansion (linearisation) about a point."""

from __future__ import annotations

import sympy as sp

from nablalab.taylor import linearise

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ..questions.worked import table
from ._multivariate import x, y


def build(rng: Rng) -> Question:
    a, b = rng.integer(-2, 2), rng.integer(-2, 2)
    c = rng.integer(1, 3)
    f = rng.choice([x * y**2 * sp.exp(-(x - a) ** 2), x**2 * y + c * y**3,
                    sp.sin(x - a) + c * x * y, sp.exp(c * (x - a)) * y])
    expansion = linearise(f, [a, b], ["x", "y"])
    f0 = f.subs({x: a, y: b})
    fx, fy = (sp.diff(f, v).subs({x: a, y: b}) for v in (x, y))
    expected = f0 + fx * (x - a) + fy * (y - b)
    part = Part("linear", "expression", expected, label="$f_1(x, y)$", variables=("x", "y"),
                mistakes=(
                    Mistake("no-constant", expected - f0,
                            "Start from the value f(a, b): the expansion begins with it."),
                    Mistake("not-shifted", f0 + fx * x + fy * y,
                            f"Use the displacements (x - {a}) and (y - {b}), not x and y."),
                ))
    steps = (table(["", "value at the point"], [
        ["$f$", expansion.value], ["$\\partial f/\\partial x$", expansion.gradient[0]],
        ["$\\partial f/\\partial y$", expansion.gradient[1]]]),
             f"$f_1 = f + f_x\\,\\Delta x + f_y\\,\\Delta y = {sp.latex(expansion.polynomial)}$.")
    prompt = (f"Find the first-order Taylor expansion of $f(x, y) = {sp.latex(f)}$ about "
              f"$({a}, {b})$.")
    hints = ("$f_1(x, y) = f(a, b) + f_x(a, b)(x - a) + f_y(a, b)(y - b)$.",)
    return Question(prompt, (part,), Solution(steps, {"linear": expansion.polynomial}),
                    hints, {"f": f, "a": a, "b": b})


TEMPLATE = Template(
    slug="linearisation-2d", title="2-D linearisation", module=4, topic="taylor series",
    quizzes=("m4-practice-2d-taylor", "m4-graded-taylor"),
    skills=("multivariate taylor", "linearisation", "jacobian"), build=build)
