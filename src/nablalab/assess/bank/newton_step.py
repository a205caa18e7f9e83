"""One Newton–Raphson iteration by hand: x1 = x0 − f(x0)/f'(x0)."""

from __future__ import annotations

import sympy as sp

from nablalab.optimize import newton_raphson

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ..questions.worked import table
from ._derivative import x


def build(rng: Rng) -> Question:
    while True:  # x0 must be neither a root nor a flat point, so the step is defined
        a, b = rng.integer(1, 4), rng.integer(-6, 6, nonzero=True)
        f = x**3 - a * x + b
        x0 = rng.integer(1, 3)
        fx, dfx = f.subs(x, x0), sp.diff(f, x).subs(x, x0)
        if fx != 0 and dfx != 0:
            break
    x1 = x0 - fx / dfx
    run = newton_raphson(f, x0, variable=x, maxiter=1)
    row = run.history[0]
    part = Part("x1", "number", x1, label="$x_1$", mistakes=(
        Mistake("plus", x0 + fx / dfx, "Newton's step subtracts: x1 = x0 - f(x0)/f'(x0)."),
        Mistake("inverted", x0 - dfx / fx, "The step is f/f', not f'/f."),
        Mistake("step-only", -fx / dfx, "That is the step; add it to x0."),
    ))
    steps = (table(["$x_0$", "$f(x_0)$", "$f'(x_0)$", "step $-f/f'$", "$x_1$"],
                   [[row["x"], row["fun"], row["df"], row["step"], row["x_next"]]]),
             f"Exactly: $x_1 = {x0} - \\frac{{{sp.latex(fx)}}}{{{sp.latex(dfx)}}} = "
             f"{sp.latex(x1)}$.")
    prompt = (f"Apply one Newton–Raphson iteration to $f(x) = {sp.latex(f)}$ from "
              f"$x_0 = {x0}$. What is $x_1$? (Exact fraction or 6 significant figures.)")
    hints = ("$x_1 = x_0 - \\frac{f(x_0)}{f'(x_0)}$.", "$f'(x) = 3x^2 - a$.")
    return Question(prompt, (part,), Solution(steps, {"x1": sp.Float(row["x_next"], 15)}),
                    hints, {"a": a, "b": b, "x0": x0})


TEMPLATE = Template(
    slug="newton-step", title="One Newton–Raphson step", module=5, topic="optimisation",
    quizzes=("m5-practice-newton-raphson", "m5-graded-checking-newton"),
    skills=("newton step",), build=build)
