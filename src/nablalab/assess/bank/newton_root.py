"""Iterate Newton–Raphson to a root (the course's sextic, root near −4)."""

from __future__ import annotations

import sympy as sp

from nablalab.optimize import newton_raphson

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ..questions.worked import table
from ._derivative import x

COURSE = x**6 / 6 - 3 * x**4 - 2 * x**3 / 3 + sp.Rational(27, 2) * x**2 + 18 * x - 30


def build(rng: Rng) -> Question:
    f, x0 = rng.choice([(COURSE, -4), (COURSE, 1), (x**3 - 2 * x - 5, 2),
                        (sp.cos(x) - x, 1), (sp.exp(x) - 3 * x, 0)])
    run = newton_raphson(f, x0, variable=x)
    root = sp.nsolve(f, x, run.x, prec=30)
    other = [r for r in sp.Poly(f, x).real_roots()] if f.is_polynomial(x) else []
    wrong = next((sp.Float(r.evalf(20)) for r in other if abs(r.evalf() - root) > 1e-3),
                 sp.Float(run.history[0]["x_next"], 15))
    part = Part("root", "number", root, label="the root", options={"decimal_places": 4},
                mistakes=(Mistake("other", wrong,
                                  "That is not where the iteration from x0 ends: follow the "
                                  "iterations from the given start."),))
    steps = (table(["$n$", "$x_n$", "$f(x_n)$", "$x_{n+1}$"],
                   [[r["iteration"], r["x"], r["fun"], r["x_next"]] for r in run.history]),
             f"{run.message} The root is $x \\approx {run.x:.6f}$.")
    prompt = (f"Use Newton–Raphson on $f(x) = {sp.latex(f)}$ starting from $x_0 = {x0}$ "
              "until it converges. Give the root to 4 decimal places.")
    hints = ("Repeat $x_{n+1} = x_n - f(x_n)/f'(x_n)$ until $x$ stops changing.",)
    return Question(prompt, (part,), Solution(steps, {"root": sp.Float(run.x, 15)}), hints,
                    {"f": f, "x0": x0})


TEMPLATE = Template(
    slug="newton-root", title="Newton–Raphson to convergence", module=5,
    topic="optimisation", quizzes=("m5-practice-newton-raphson", "m5-graded-checking-newton"),
    skills=("newton step",), build=build)
