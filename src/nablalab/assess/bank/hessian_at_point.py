"""The Hessian at a point, for the second-order 2-D Taylor term (sin(πx − x^2 y) at (1, π))."""

from __future__ import annotations

from functools import cache

import sympy as sp

from nablalab.calculus import CalculusResult, hessian

from ..questions import Mistake, Question, Rng, Solution, Template
from ..questions.worked import derivation
from ._multivariate import matrix_part, x, y


@cache
def _worked(f: sp.Expr, y0: sp.Expr) -> CalculusResult:
    """The engine's Hessian at (1, y0): a pure function of (f, y0), computed once each."""
    return hessian(f, ["x", "y"], at={"x": 1, "y": y0})


def build(rng: Rng) -> Question:
    a = rng.integer(1, 3)
    trig = rng.choice([sp.sin, sp.cos])
    f = trig(sp.pi * x - a * x**2 * y)
    point = {"x": 1, "y": rng.choice([sp.pi, 0, sp.pi / 2])}
    worked = _worked(f, point["y"])
    at_origin = sp.Matrix(worked.result).subs({x: 0, y: 0})
    part = matrix_part(worked, "hessian", "$H$ at the point", ("x", "y"), at_point=True,
                       mistakes=[Mistake("origin", at_origin,
                                         "Evaluate at the given point, not at the origin.")])
    prompt = (f"Find the Hessian of $f(x, y) = {sp.latex(f)}$ at "
              f"$(1, {sp.latex(point['y'])})$ (type pi for π).")
    hints = ("Differentiate twice with the chain rule; then substitute.",
             "At the point, the argument of the trig function is a multiple of $\\pi$.")
    return Question(prompt, (part,), Solution((derivation(worked),),
                                              {"hessian": worked.value}), hints,
                    {"a": a, "trig": trig.__name__, "y": point["y"]})


TEMPLATE = Template(
    slug="hessian-at-point", title="A Hessian at a point", module=4, topic="taylor series",
    quizzes=("m4-practice-2d-taylor", "m4-graded-taylor", "m2-graded-jacobians-hessians"),
    skills=("hessian", "multivariate taylor"), build=build)
