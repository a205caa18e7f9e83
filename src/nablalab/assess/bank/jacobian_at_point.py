"""A Jacobian evaluated at a point, and what it does to a small step."""

from __future__ import annotations

import sympy as sp

from nablalab.calculus import jacobian

from ..questions import Mistake, Question, Rng, Solution, Template
from ..questions.worked import derivation
from ._multivariate import matrix_part, x, y


def build(rng: Rng) -> Question:
    a, b, c = rng.integer(1, 4), rng.integer(1, 4), rng.integer(-3, 3, nonzero=True)
    u, v = x**2 - a * y**2, b * x * y + c * x
    point = {"x": rng.integer(-3, 3, nonzero=True), "y": rng.integer(-3, 3, nonzero=True)}
    worked = jacobian([u, v], ["x", "y"], at=point)
    symbolic = sp.Matrix(worked.result)
    part = matrix_part(worked, "jacobian", "$J$ at the point", ("x", "y"), at_point=True,
                       mistakes=[Mistake("symbolic-at-origin", symbolic.subs({x: 0, y: 0}),
                                         "Substitute the given point, not the origin.")])
    prompt = (f"For $u = {sp.latex(u)}$ and $v = {sp.latex(v)}$, evaluate the Jacobian "
              f"matrix at $(x, y) = ({point['x']}, {point['y']})$ (row by row, "
              "e.g. [[1, 2], [3, 4]]).")
    hints = ("Find the four partial derivatives first.", "Then substitute the point.")
    return Question(prompt, (part,), Solution((derivation(worked),),
                                              {"jacobian": worked.value}),
                    hints, {"a": a, "b": b, "c": c, **point})


TEMPLATE = Template(
    slug="jacobian-at-point", title="A Jacobian at a point", module=2, topic="jacobian",
    quizzes=("m2-practice-jacobian", "m2-graded-jacobians-hessians"),
    skills=("jacobian",), build=build)
