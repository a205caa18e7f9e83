"""The Jacobian (row vector of partials) of a scalar function, at a point."""

from __future__ import annotations

import sympy as sp

from nablalab.calculus import gradient

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ..questions.worked import derivation
from ._multivariate import x, y, z


def build(rng: Rng) -> Question:
    a, b, c = rng.integer(1, 5), rng.integer(-4, 4, nonzero=True), rng.integer(1, 3)
    f = a * x**2 * y + b * y * z**2 + sp.exp(c * x * z)
    point = (rng.integer(-2, 2), rng.integer(-2, 2), 0)
    worked = gradient(f, ["x", "y", "z"], at=dict(zip("xyz", point, strict=True)))
    at = dict(zip((x, y, z), point, strict=True))
    expected = sp.Matrix([sp.diff(f, v).subs(at) for v in (x, y, z)])
    part = Part("jacobian", "vector", expected, label="$J$ at the point", mistakes=(
        Mistake("reversed", sp.Matrix(list(reversed(expected))),
                "The entries are in the wrong order: J = [∂f/∂x, ∂f/∂y, ∂f/∂z]."),
        Mistake("function-values", sp.Matrix([f.subs(at)] * 3),
                "Differentiate first, then substitute the point."),
    ))
    prompt = (f"Find the Jacobian $J = \\left[\\frac{{\\partial f}}{{\\partial x}}, "
              f"\\frac{{\\partial f}}{{\\partial y}}, \\frac{{\\partial f}}{{\\partial z}}"
              f"\\right]$ of $f(x, y, z) = {sp.latex(f)}$ at $({point[0]}, {point[1]}, 0)$.")
    hints = ("Find each partial derivative, holding the other two variables fixed.",
             "Then substitute the point into each one.")
    return Question(prompt, (part,), Solution((derivation(worked),),
                                              {"jacobian": worked.value}),
                    hints, {"a": a, "b": b, "c": c, "point": point})


TEMPLATE = Template(
    slug="jacobian-row", title="The Jacobian of a scalar function", module=2,
    topic="jacobian", quizzes=("m2-practice-jacobian", "m2-lab-sandpit"),
    skills=("jacobian", "partial derivative"), build=build)
