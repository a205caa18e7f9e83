"""The Hessian of a polynomial in two variables (the course's x^3 y + x + 2y)."""

from __future__ import annotations

import sympy as sp

from nablalab.calculus import hessian

from ..questions import Mistake, Question, Rng, Solution, Template
from ..questions.worked import derivation
from ._multivariate import matrix_part, x, y


def build(rng: Rng) -> Question:
    n, m = rng.integer(2, 4), rng.integer(1, 3)
    a, b, c = rng.integer(1, 5), rng.integer(-5, 5, nonzero=True), rng.integer(1, 5)
    f = a * x**n * y**m + b * x + c * y**2
    worked = hessian(f, ["x", "y"])
    right = sp.Matrix(worked.result)
    no_mixed = sp.diag(right[0, 0], right[1, 1])
    gradient_squared = sp.Matrix(2, 2, lambda i, j: sp.diff(f, (x, y)[i]) *
                                 sp.diff(f, (x, y)[j]))
    part = matrix_part(worked, "hessian", "$H$", ("x", "y"), mistakes=[
        Mistake("no-mixed", no_mixed,
                "The off-diagonal entries are the mixed partials ∂²f/∂x∂y, not 0."),
        Mistake("gradient-products", gradient_squared,
                "The Hessian holds second derivatives, not products of first derivatives."),
    ])
    prompt = (f"Find the Hessian matrix of $f(x, y) = {sp.latex(f)}$: "
              "$H = \\begin{bmatrix} f_{xx} & f_{xy} \\\\ f_{yx} & f_{yy} \\end{bmatrix}$.")
    hints = ("Find the gradient first, then differentiate each entry again.",
             "The mixed partials $f_{xy}$ and $f_{yx}$ are equal.")
    return Question(prompt, (part,), Solution((derivation(worked),),
                                              {"hessian": worked.result}),
                    hints, {"f": f})


TEMPLATE = Template(
    slug="hessian-polynomial", title="The Hessian of a polynomial", module=2,
    topic="hessian", quizzes=("m2-practice-hessians", "m2-graded-jacobians-hessians"),
    skills=("hessian",), build=build)
