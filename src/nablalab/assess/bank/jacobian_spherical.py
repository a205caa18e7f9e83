"""Spherical to Cartesian coordinates: the 3×3 Jacobian's determinant."""

from __future__ import annotations

from functools import cache

import sympy as sp

from nablalab.calculus import CalculusResult, jacobian

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ..questions.worked import derivation
from ._multivariate import phi, r, theta


def coordinates_for(a: int) -> list[sp.Expr]:
    return [a * r * sp.sin(theta) * sp.cos(phi), a * r * sp.sin(theta) * sp.sin(phi),
            a * r * sp.cos(theta)]


@cache
def _worked(a: int) -> tuple[CalculusResult, sp.Expr]:
    """The engine's Jacobian and its determinant depend only on the scale a: computed once."""
    worked = jacobian(coordinates_for(a), ["r", "theta", "phi"])
    return worked, sp.simplify(sp.Matrix(worked.result).det())


def build(rng: Rng) -> Question:
    a = rng.choice([1, 2, 3])
    coordinates = coordinates_for(a)
    worked, det = _worked(a)
    part = Part("determinant", "expression", det, label="$\\det J$",
                variables=("r", "theta", "phi"), mistakes=(
                    Mistake("r-once", det / r, "Two columns carry a factor r: det has r^2."),
                    Mistake("no-sin", det / sp.sin(theta),
                            "A factor sin θ remains after cos^2 + sin^2 = 1 is used."),
                    Mistake("no-scale", det / a**3 if a != 1 else det / 2,
                            f"Every row carries the factor {a}: the determinant has {a}^3."),
                ))
    steps = (derivation(worked),
             f"Expanding the determinant and using $\\sin^2 + \\cos^2 = 1$ twice gives "
             f"$\\det J = {sp.latex(det)}$.")
    prompt = ("Spherical coordinates: $x = " + sp.latex(coordinates[0]) + "$, $y = " +
              sp.latex(coordinates[1]) + "$, $z = " + sp.latex(coordinates[2]) + "$. Find the "
              "determinant of the Jacobian $\\partial(x, y, z)/\\partial(r, \\theta, \\phi)$ "
              "(type theta and phi).")
    hints = ("Build the 3×3 matrix of partial derivatives first.",
             "Expand along the last row: it has a zero in the $\\phi$ column.")
    return Question(prompt, (part,), Solution(steps, {"determinant": det}), hints, {"a": a})


TEMPLATE = Template(
    slug="jacobian-spherical", title="Spherical coordinates", module=2, topic="jacobian",
    quizzes=("m2-practice-bigger-jacobians", "m2-graded-jacobians-hessians"),
    skills=("jacobian", "determinant"), build=build)
