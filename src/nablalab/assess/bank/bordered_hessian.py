"""Classifying a constrained critical point with the bordered Hessian (two variables, one
linear constraint)."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Option, Part, Question, Rng, Solution, Template, choice_part
from ._constrained import linear_lagrange_point
from ._multivariate import x, y


def _draw(rng: Rng) -> tuple[int, ...]:
    """Coefficients whose bordered determinant is non-zero (a unique, classifiable point)."""
    while True:
        a, b = rng.integer(-3, 3, nonzero=True), rng.integer(-3, 3, nonzero=True)
        e = rng.integer(-2, 2)
        p, q, k = rng.integer(1, 3), rng.integer(-2, 3, nonzero=True), rng.integer(1, 6)
        if 2 * a * q * q - 2 * e * p * q + 2 * b * p * p != 0:
            return a, e, b, p, q, k


def build(rng: Rng) -> Question:
    a, e, b, p, q, k = coefficients = _draw(rng)
    f = a * x**2 + e * x * y + b * y**2
    point = linear_lagrange_point(f, [p * x + q * y - k], ["x", "y"])
    bordered = point.bordered
    det = bordered.det()
    kind = "local maximum" if det > 0 else "local minimum"
    plain = sp.hessian(f, (x, y)).det()
    options = [Option(label, label == kind, "" if label == kind else
                      "The sign of the bordered determinant decides: positive for a maximum, "
                      "negative for a minimum (two variables, one constraint).",
                      f"said-{label.split()[1]}") for label in ("local maximum", "local minimum")]
    parts = (
        Part("det", "number", det, label="$\\det H_B$", mistakes=(
            Mistake("unbordered", plain, "That is the determinant of the Hessian of f alone; "
                    "border it with the constraint's gradient."),)),
        choice_part(rng, options, name="kind", label="the point is a"),
    )
    latex_point = ", ".join(sp.latex(c) for c in point.point)
    steps = (f"Lagrange conditions $\\nabla f = \\lambda \\nabla g$ with "
             f"$g = {sp.latex(p * x + q * y - k)}$ give the point $({latex_point})$ with "
             f"$\\lambda = {sp.latex(point.multipliers[0])}$.",
             f"The bordered Hessian there: $H_B = {sp.latex(bordered)}$, with determinant "
             f"${sp.latex(det)}$.",
             f"{'Positive' if det > 0 else 'Negative'}: a {kind} along the constraint "
             f"(the engine classifies it as a {point.classification}).")
    prompt = (f"$f(x, y) = {sp.latex(f)}$ has one critical point on the line "
              f"${sp.latex(p * x + q * y)} = {k}$. Find the determinant of the bordered Hessian "
              "there and classify the point.")
    hints = ("$H_B = \\begin{pmatrix} 0 & g_x & g_y \\\\ g_x & L_{xx} & L_{xy} \\\\ g_y & L_{xy} "
             "& L_{yy}\\end{pmatrix}$ with $L = f - \\lambda g$.",
             "With a linear constraint, the second derivatives of $L$ are those of $f$.")
    return Question(prompt, parts, Solution(steps, {"det": det}), hints,
                    {"coefficients": coefficients})


TEMPLATE = Template(
    slug="bordered-hessian", title="The bordered Hessian", module=0,
    topic="lagrange multipliers", quizzes=("beyond-lagrange",),
    skills=("bordered hessian", "stationary point"), build=build)
