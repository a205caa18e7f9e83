"""The Sandpit's arrow: the downhill direction is minus the gradient."""

from __future__ import annotations

import sympy as sp

from nablalab.calculus import gradient

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ..questions.worked import derivation
from ._multivariate import x, y


def build(rng: Rng) -> Question:
    a, b = rng.integer(1, 4), rng.integer(1, 4)
    p, q = rng.integer(-2, 2), rng.integer(-2, 2)
    depth = a * (x - p) ** 2 + b * (y - q) ** 2 + rng.choice([0, x * y])
    point = {"x": rng.integer(-3, 3), "y": rng.integer(-3, 3)}
    worked = gradient(depth, ["x", "y"], at=point)
    grad = sp.Matrix(worked.value)
    if grad == sp.zeros(2, 1):
        point["x"] += 1
        worked = gradient(depth, ["x", "y"], at=point)
        grad = sp.Matrix(worked.value)
    part = Part("direction", "vector", -grad, label="downhill direction $-\\nabla f$",
                mistakes=(
                    Mistake("uphill", grad,
                            "That is the gradient, which points uphill: go the opposite way."),
                    Mistake("swapped", sp.Matrix([-grad[1], -grad[0]]),
                            "The components are swapped: the first is -∂f/∂x."),
                ))
    steps = (derivation(worked),
             f"Steepest descent is opposite to the gradient: $-\\nabla f = "
             f"{sp.latex(-grad.T)}^T$.")
    prompt = (f"In the Sandpit the floor's depth is $f(x, y) = {sp.latex(sp.expand(depth))}$. "
              f"At $({point['x']}, {point['y']})$, which vector points most steeply downhill? "
              "Give $-\\nabla f$ there.")
    hints = ("The gradient $\\nabla f = [f_x, f_y]$ points the way $f$ increases fastest.",
             "Downhill is the opposite direction.")
    return Question(prompt, (part,), Solution(steps, {"direction": -grad}), hints,
                    {"a": a, "b": b, "p": p, "q": q, **point})


TEMPLATE = Template(
    slug="downhill-direction", title="The Sandpit: which way is down?", module=2,
    topic="gradient", quizzes=("m2-lab-sandpit", "m5-lab-gradient-descent"),
    skills=("gradient", "steepest descent"), build=build)
