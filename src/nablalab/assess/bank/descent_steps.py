"""The gradient-descent lab's next_step: steepest descent −γJ or the Newton step −H⁻¹J."""

from __future__ import annotations

import numpy as np
import sympy as sp

from nablalab.calculus import gradient, hessian
from nablalab.optimize import newton_step, steepest_descent

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ..questions.worked import derivation
from ._multivariate import x, y


def build(rng: Rng) -> Question:
    a, c = rng.integer(1, 3), rng.integer(1, 3)
    b = rng.choice([0, 1])
    f = a * x**2 + b * x * y + c * y**2 + rng.integer(-3, 3) * x
    point = {"x": rng.integer(-2, 2), "y": rng.integer(-2, 2, nonzero=True)}
    grad = gradient(f, ["x", "y"], at=point)
    hess = hessian(f, ["x", "y"], at=point)
    j, h = sp.Matrix(grad.value), sp.Matrix(hess.value)
    method = rng.choice(["steepest", "newton"])
    gamma = sp.Rational(1, 2)
    if method == "steepest":
        expected = -gamma * j
        engine = steepest_descent(float(gamma))
        wrong = (Mistake("uphill", gamma * j, "Descent goes against the gradient: -γJ."),
                 Mistake("no-gamma", -j, f"Scale the step by γ = {gamma}."))
        ask = f"the steepest-descent step $-\\gamma J$ with $\\gamma = {sp.latex(gamma)}$"
    else:
        expected = -h.inv() * j
        engine = newton_step
        wrong = (Mistake("h-times-j", -h * j, "Newton's step uses the INVERSE Hessian: "
                         "-H^(-1) J."),
                 Mistake("uphill", h.inv() * j, "The Newton step is -H^(-1) J (minus sign)."))
        ask = "the Newton step $-H^{-1} J$"
    computed = engine(float(f.subs({x: point["x"], y: point["y"]})),
                      np.array([float(v) for v in j]), np.array(h.tolist(), dtype=float))
    part = Part("step", "vector", expected, label="the step", mistakes=wrong)
    steps = (derivation(grad), derivation(hess),
             f"Step: ${sp.latex(expected.T)}^T$ (the optimiser's own next_step gives "
             f"{np.round(np.asarray(computed, dtype=float), 6).tolist()}).")
    prompt = (f"A walker on $f(x, y) = {sp.latex(f)}$ stands at $({point['x']}, "
              f"{point['y']})$. Compute {ask} there.")
    hints = ("$J = [f_x, f_y]$ and $H$ the matrix of second derivatives, at the point.",)
    return Question(prompt, (part,), Solution(steps, {"step": sp.Matrix(
        [sp.nsimplify(float(v)) for v in computed])}), hints,
                    {"f": f, "method": method, **point})


TEMPLATE = Template(
    slug="descent-steps", title="Steepest descent and Newton steps", module=5,
    topic="optimisation", quizzes=("m5-lab-gradient-descent",),
    skills=("steepest descent", "newton step", "hessian"), build=build)
