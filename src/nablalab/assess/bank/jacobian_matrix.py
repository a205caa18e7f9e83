"""The Jacobian matrix of a vector function of two variables."""

from __future__ import annotations

import sympy as sp

from nablalab.calculus import jacobian

from ..questions import Mistake, Question, Rng, Solution, Template
from ..questions.worked import derivation
from ._multivariate import matrix_part, x, y


def build(rng: Rng) -> Question:
    a, b, c = rng.integer(1, 5), rng.integer(-4, 4, nonzero=True), rng.integer(1, 3)
    u = a * x**2 * y + b * y
    v = rng.choice([sp.sin(c * x * y), sp.exp(c * x) * y, x * y**2 - c * x])
    worked = jacobian([u, v], ["x", "y"])
    right = sp.Matrix(worked.result)
    part = matrix_part(worked, "jacobian", "$J$", ("x", "y"), mistakes=[
        Mistake("columns-swapped", right[:, ::-1],
                "The columns are swapped: column 1 holds the derivatives with respect to x."),
    ])
    prompt = (f"Find the Jacobian matrix of $u(x, y) = {sp.latex(u)}$, "
              f"$v(x, y) = {sp.latex(v)}$: "
              "$J = \\begin{bmatrix} \\partial u/\\partial x & \\partial u/\\partial y \\\\ "
              "\\partial v/\\partial x & \\partial v/\\partial y \\end{bmatrix}$. "
              "Type it row by row, e.g. [[a, b], [c, d]].")
    hints = ("Row 1 is the gradient of $u$, row 2 the gradient of $v$.",
             "Each entry is a partial derivative: hold the other variable fixed.")
    return Question(prompt, (part,), Solution((derivation(worked),),
                                              {"jacobian": worked.result}),
                    hints, {"u": u, "v": v})


TEMPLATE = Template(
    slug="jacobian-matrix", title="The Jacobian matrix", module=2, topic="jacobian",
    quizzes=("m2-practice-jacobian", "m2-graded-jacobians-hessians"), skills=("jacobian",),
    build=build)
