"""Rise over run: the gradient of a chord, and how it approaches the derivative."""

from __future__ import annotations

import sympy as sp

from nablalab.calculus import differentiate
from nablalab.mathinput import latex

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ..questions.worked import derivation
from ._derivative import x


def build(rng: Rng) -> Question:
    a, b = rng.integer(1, 4), rng.integer(-5, 5)
    x1 = rng.integer(-3, 3)
    x2 = x1 + rng.integer(1, 4)
    f = a * x**2 + b * x
    y1, y2 = f.subs(x, x1), f.subs(x, x2)
    slope = sp.Rational(y2 - y1, x2 - x1)
    worked = differentiate(f, at={x: sp.Rational(x1 + x2, 2)})
    steps = (f"$f({x1}) = {latex(y1)}$ and $f({x2}) = {latex(y2)}$.",
             f"Rise over run: $\\frac{{{latex(y2)} - ({latex(y1)})}}{{{x2} - ({x1})}} = "
             f"{latex(slope)}$.",
             derivation(worked, "For a quadratic the chord's gradient equals the derivative "
                        "at the midpoint of the interval:"))
    rise = y2 - y1
    part = Part("slope", "number", slope, label="gradient of the chord", mistakes=(
        Mistake("run-over-rise", sp.Rational(x2 - x1, rise) if rise else slope,
                "Gradient is rise over run: the change in y divided by the change in x."),
        Mistake("rise-only", rise, "Divide the rise by the run (the change in x)."),
    ))
    prompt = (f"For $f(x) = {latex(f)}$, find the gradient of the straight line (chord) "
              f"joining the points of the graph at $x = {x1}$ and $x = {x2}$.")
    hints = ("Gradient = rise / run = $\\frac{f(x_2) - f(x_1)}{x_2 - x_1}$.",)
    return Question(prompt, (part,), Solution(steps, {"slope": slope}), hints,
                    {"a": a, "b": b, "x1": x1, "x2": x2})


TEMPLATE = Template(
    slug="rise-over-run", title="Rise over run", module=1, topic="differentiation",
    quizzes=("m1-practice-matching-functions", "m1-practice-differentiate"),
    skills=("rise over run",), build=build)
