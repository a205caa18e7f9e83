"""The Jacobian of (scaled) polar coordinates, and its determinant."""

from __future__ import annotations

import sympy as sp

from nablalab.calculus import jacobian

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ..questions.worked import derivation
from ._multivariate import matrix_part, r, theta


def build(rng: Rng) -> Question:
    a, b = rng.choice([(1, 1), (2, 1), (1, 3), (2, 3)])
    xs, ys = a * r * sp.cos(theta), b * r * sp.sin(theta)
    worked = jacobian([xs, ys], ["r", "theta"])
    matrix = sp.Matrix(worked.result)
    det = sp.simplify(matrix.det())
    sign_slip = matrix.copy()
    sign_slip[0, 1] = -sign_slip[0, 1]
    jac = matrix_part(worked, "jacobian", "$J$", ("r", "theta"), mistakes=[
        Mistake("sign-slip", sign_slip, "d/dθ cos θ = -sin θ: check the sign in row 1.")])
    determinant = Part("determinant", "expression", det, label="$\\det J$",
                       variables=("r", "theta"), mistakes=(
                           Mistake("no-r", det / r,
                                   "Both terms of the determinant carry a factor r."),
                           Mistake("minus", sp.expand(matrix[0, 0] * matrix[1, 1] +
                                                      matrix[0, 1] * matrix[1, 0]),
                                   "det [[p, q], [s, t]] = pt - qs: subtract the product of "
                                   "the off-diagonal entries."),
                       ))
    steps = (derivation(worked),
             f"$\\det J = {sp.latex(matrix[0, 0] * matrix[1, 1])} - "
             f"({sp.latex(matrix[0, 1] * matrix[1, 0])}) = {sp.latex(det)}$, "
             "using $\\cos^2\\theta + \\sin^2\\theta = 1$.")
    prompt = (f"Coordinates $x = {sp.latex(xs)}$, $y = {sp.latex(ys)}$. Find the Jacobian "
              "$J = \\partial(x, y)/\\partial(r, \\theta)$ (rows $x$ and $y$, columns $r$ "
              "and $\\theta$; type theta) and its determinant.")
    hints = ("Row 1: $\\partial x/\\partial r$, $\\partial x/\\partial\\theta$.",
             "$\\det\\begin{bmatrix}p & q\\\\ s & t\\end{bmatrix} = pt - qs$.")
    return Question(prompt, (jac, determinant),
                    Solution(steps, {"jacobian": matrix, "determinant": det}), hints,
                    {"a": a, "b": b})


TEMPLATE = Template(
    slug="jacobian-polar", title="Polar coordinates: Jacobian and determinant", module=2,
    topic="jacobian", quizzes=("m2-practice-bigger-jacobians",),
    skills=("jacobian", "determinant"), build=build)
