"""A 3×3 Hessian with exponentials and trig (the course's x e^y + y^2 cos z)."""

from __future__ import annotations

import sympy as sp

from nablalab.calculus import hessian

from ..questions import Mistake, Question, Rng, Solution, Template
from ..questions.worked import derivation
from ._multivariate import matrix_part, x, y, z


def build(rng: Rng) -> Question:
    a, b, c = rng.integer(1, 3), rng.integer(1, 3), rng.integer(1, 4)
    f = c * x * sp.exp(a * y) + y**2 * sp.cos(b * z)
    worked = hessian(f, ["x", "y", "z"])
    right = sp.Matrix(worked.result)
    part = matrix_part(worked, "hessian", "$H$", ("x", "y", "z"), mistakes=[
        Mistake("no-mixed", sp.diag(*[right[i, i] for i in range(3)]),
                "The off-diagonal entries are the mixed partials, which are not all 0 here."),
    ])
    prompt = (f"Find the Hessian of $f(x, y, z) = {sp.latex(f)}$ (a 3×3 matrix, "
              "row by row).")
    hints = ("Start from the gradient $[f_x, f_y, f_z]$.",
             "Row $i$, column $j$ holds $\\partial^2 f / \\partial x_i \\partial x_j$; the "
             "matrix is symmetric.")
    return Question(prompt, (part,), Solution((derivation(worked),),
                                              {"hessian": worked.result}),
                    hints, {"a": a, "b": b, "c": c})


TEMPLATE = Template(
    slug="hessian-three-variables", title="A 3×3 Hessian", module=2, topic="hessian",
    quizzes=("m2-practice-hessians",), skills=("hessian", "chain rule"), build=build)
