"""Partial derivatives with exponentials and trig (the course's x e^y + y^2 cos z)."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Question, Rng, Template
from ._derivative import derivative_question
from ._multivariate import x, y, z


def build(rng: Rng) -> Question:
    a, b = rng.integer(1, 4), rng.integer(1, 4)
    f = x * sp.exp(a * y) + y**2 * sp.cos(b * z) + rng.integer(1, 5) * x * y * z
    var = rng.choice([x, y, z])
    right = sp.diff(f, var)
    mistakes = [Mistake("wrong-variable", sp.diff(f, next(v for v in (x, y, z) if v != var)),
                        f"That is a partial derivative with respect to another variable; the "
                        f"question asks for ∂f/∂{var}.")]
    if var == y:
        mistakes.append(Mistake("forgot-inner", right - x * a * sp.exp(a * y) + x * sp.exp(a * y),
                                f"d/dy e^({a}y) = {a} e^({a}y): the chain rule's inner factor."))
    if var == z:
        mistakes.append(Mistake("cos-sign", right + 2 * sp.diff(y**2 * sp.cos(b * z), z),
                                "Sign slip: d/dz cos(bz) = -b sin(bz)."))
    return derivative_question(
        f, var=var, prompt=f"Find $\\frac{{\\partial f}}{{\\partial {var}}}$ for "
        f"$f(x, y, z) = {sp.latex(f)}$.", mistakes=mistakes,
        hints=[f"Hold every variable except ${var}$ fixed: they behave like numbers.",
               "Exponentials and trig functions of the other variables are constant factors."],
        parameters={"f": f, "var": var.name})


TEMPLATE = Template(
    slug="partial-derivative-functions", title="Partial derivatives of exp and trig",
    module=2, topic="partial derivatives",
    quizzes=("m2-practice-partial-derivatives", "m2-graded-jacobians-hessians"),
    skills=("partial derivative", "chain rule"), build=build)
