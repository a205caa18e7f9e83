"""Solving a Lagrange problem exactly: a linear function on a circle."""

from __future__ import annotations

from functools import cache

import sympy as sp

from nablalab.optimize import LagrangeSolution, lagrange_points

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ..questions.worked import table
from ._multivariate import x, y


@cache
def _solve(a: int, b: int, radius: int) -> LagrangeSolution:
    """The engine's exact solution depends only on (a, b, r): computed once each."""
    return lagrange_points(a * x + b * y, [x**2 + y**2 - radius**2], ["x", "y"])


def build(rng: Rng) -> Question:
    a, b = rng.choice([(3, 4), (1, 1), (1, 2), (5, 12), (2, 1)])
    a, b = a * rng.sign(), b * rng.sign()
    radius = rng.choice([1, 2, 5])
    f = a * x + b * y
    solution = _solve(a, b, radius)
    norm = sp.sqrt(a**2 + b**2)
    best = (a * radius / norm, b * radius / norm)
    worst = (-best[0], -best[1])
    parts = (
        Part("max", "points", [best], label="the maximum point", variables=(), mistakes=(
            Mistake("min-instead", [worst], "That point gives the smallest value of f."),
            Mistake("both", [best, worst], "Only one of the two critical points is the "
                    "maximum: compare the values of f."),
        )),
        Part("value", "number", radius * norm, label="the maximum value", mistakes=(
            Mistake("squared", radius * norm**2, "f = ax + by at the point: it is r·sqrt(a^2 "
                    "+ b^2), with a square root."),
        )),
    )
    rows = [[f"$({sp.latex(p.point[0])}, {sp.latex(p.point[1])})$", p.multipliers[0],
             p.value, p.classification] for p in solution.points]
    top = max(solution.points, key=lambda p: float(p.value))
    steps = ("Solve $\\nabla f = \\lambda \\nabla g$, $g = 0$:",
             table(["point", "$\\lambda$", "$f$", "kind"], rows),
             f"The maximum is at $({sp.latex(top.point[0])}, {sp.latex(top.point[1])})$ "
             f"with $f = {sp.latex(top.value)}$.")
    prompt = (f"Find the maximum of $f(x, y) = {sp.latex(f)}$ on the circle "
              f"$x^2 + y^2 = {radius**2}$: the point, and the value there.")
    hints = ("$\\nabla f = \\lambda \\nabla g$ gives $a = 2\\lambda x$, $b = 2\\lambda y$.",
             "So $(x, y)$ is parallel to $(a, b)$: scale it onto the circle.")
    return Question(prompt, parts, Solution(steps, {"max": [top.point], "value": top.value}),
                    hints, {"a": a, "b": b, "r": radius})


TEMPLATE = Template(
    slug="lagrange-extrema", title="Lagrange multipliers: solving", module=5,
    topic="lagrange multipliers", quizzes=("m5-practice-lagrange", "beyond-lagrange"),
    skills=("lagrange system", "stationary point"), build=build)
