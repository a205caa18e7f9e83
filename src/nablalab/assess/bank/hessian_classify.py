"""Classify a stationary point with the Hessian: minimum, maximum or saddle."""

from __future__ import annotations

import sympy as sp

from nablalab.calculus import hessian

from ..questions import Option, Question, Rng, Solution, Template, choice_part
from ..questions.worked import derivation
from ._multivariate import x, y

KINDS = {"local minimum": "minimum", "local maximum": "maximum", "saddle point": "saddle"}


def build(rng: Rng) -> Question:
    while True:
        a, c = rng.integer(-4, 4, nonzero=True), rng.integer(-4, 4, nonzero=True)
        b = rng.integer(-4, 4)
        if 4 * a * c - b * b != 0:
            break
    p, q = rng.integer(-2, 2), rng.integer(-2, 2)
    f = a * (x - p) ** 2 + b * (x - p) * (y - q) + c * (y - q) ** 2
    worked = hessian(f, ["x", "y"], at={"x": p, "y": q})
    matrix = sp.Matrix(worked.result)
    det = matrix.det()
    kind = "saddle point" if det < 0 else ("local minimum" if matrix[0, 0] > 0
                                           else "local maximum")
    feedback = {
        "local minimum": "A minimum needs det H > 0 and f_xx > 0.",
        "local maximum": "A maximum needs det H > 0 and f_xx < 0.",
        "saddle point": "A saddle has det H < 0 (the curvatures have opposite signs).",
    }
    options = [Option(k, k == kind, "" if k == kind else feedback[k], f"said-{KINDS[k]}")
               for k in KINDS]
    part = choice_part(rng, options, label="the stationary point is")
    steps = (derivation(worked),
             f"$\\det H = {sp.latex(det)}$ and $f_{{xx}} = {sp.latex(matrix[0, 0])}$, so the "
             f"point is a {kind}.")
    prompt = (f"$f(x, y) = {sp.latex(sp.expand(f))}$ has a stationary point at "
              f"$({p}, {q})$. Use the Hessian to classify it.")
    hints = ("Compute $\\det H = f_{xx} f_{yy} - f_{xy}^2$.",
             "$\\det H < 0$: saddle; $\\det H > 0$: the sign of $f_{xx}$ decides.")
    return Question(prompt, (part,), Solution(steps), hints, {"a": a, "b": b, "c": c,
                                                              "p": p, "q": q})


TEMPLATE = Template(
    slug="hessian-classify", title="Classifying stationary points", module=2,
    topic="hessian", quizzes=("m2-practice-hessians", "m2-graded-jacobians-hessians"),
    skills=("hessian", "stationary point"), build=build)
