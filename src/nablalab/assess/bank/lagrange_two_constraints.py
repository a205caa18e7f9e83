"""Lagrange multipliers with two constraints: the point of a line in space nearest the
origin."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ..questions.worked import table
from ._constrained import linear_lagrange_point
from ._multivariate import x, y, z

NORMALS = ((1, -1, 0), (1, 0, -1), (0, 1, -1))


def build(rng: Rng) -> Question:
    s, d = rng.integer(-6, 6, nonzero=True), rng.integer(-4, 4, nonzero=True)
    normal = rng.choice(NORMALS)
    g2 = normal[0] * x + normal[1] * y + normal[2] * z - d
    point = linear_lagrange_point(x**2 + y**2 + z**2, [x + y + z - s, g2], ["x", "y", "z"])
    ignored = (sp.Rational(s, 3),) * 3
    value = point.value
    second = sp.latex(normal[0] * x + normal[1] * y + normal[2] * z)
    parts = (
        Part("point", "vector", sp.Matrix(point.point), label="the point $[x, y, z]$", mistakes=(
            Mistake("ignored-second", sp.Matrix(ignored), "That point satisfies x + y + z = "
                    f"{s} but not the second constraint: both multipliers are needed."),)),
        Part("value", "number", value, label="the smallest $x^2 + y^2 + z^2$", mistakes=(
            Mistake("distance", sp.sqrt(value), "The question asks for the squared "
                    "distance x^2 + y^2 + z^2, not its square root."),)),
    )
    rows = [[f"$({', '.join(sp.latex(c) for c in point.point)})$",
             ", ".join(f"${sp.latex(m)}$" for m in point.multipliers), value,
             point.classification]]
    steps = (f"Solve $\\nabla f = \\lambda_1 \\nabla g_1 + \\lambda_2 \\nabla g_2$: "
             f"$(2x, 2y, 2z) = \\lambda_1 (1, 1, 1) + \\lambda_2 {normal}$, with both "
             "constraints.",
             table(["point", "$\\lambda_1, \\lambda_2$", "$f$", "kind"], rows),
             "The squared distance grows without bound along the line, so this single "
             "critical point is the minimum.")
    prompt = (f"Find the point nearest the origin on the line where the planes "
              f"$x + y + z = {s}$ and ${second} = {d}$ meet, by minimising "
              "$f = x^2 + y^2 + z^2$ with two Lagrange multipliers. Give the point and the "
              "smallest value of $f$.")
    hints = ("With two constraints, $\\nabla f = \\lambda_1 \\nabla g_1 + \\lambda_2 \\nabla g_2$.",
             "Write $x, y, z$ in terms of $\\lambda_1, \\lambda_2$, then use the constraints.")
    final = {"point": sp.Matrix(point.point), "value": value}
    return Question(prompt, parts, Solution(steps, final), hints,
                    {"s": s, "d": d, "normal": normal})


TEMPLATE = Template(
    slug="lagrange-two-constraints", title="Two constraints at once", module=0,
    topic="lagrange multipliers", quizzes=("beyond-lagrange",),
    skills=("lagrange system", "several constraints"), build=build)
