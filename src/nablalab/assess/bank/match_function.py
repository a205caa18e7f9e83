"""Matching a function to the features of its graph: intercept and roots."""

from __future__ import annotations

import sympy as sp

from nablalab.mathinput import latex

from ..questions import Option, Question, Rng, Solution, Template, choice_part
from ._derivative import x


def build(rng: Rng) -> Question:
    r1, r2 = sorted(rng.sample(range(-4, 5), 2))
    k = rng.choice([-2, -1, 1, 2])
    f = k * (x - r1) * (x - r2)
    wrong = [
        (k * (x + r1) * (x + r2), "Those roots have the wrong sign: (x - r) is zero at x = r.",
         "root-sign"),
        (-k * (x - r1) * (x - r2), "Same roots, but the graph is flipped: check the y-intercept.",
         "flipped"),
        (k * (x - r1) * (x - r2) + k, "That graph is shifted up: its roots have moved.",
         "shifted"),
    ]
    roots = sorted(sp.solve(f, x))
    options = [Option(f"$y = {latex(sp.factor(f))}$", True)] + [
        Option(f"$y = {latex(g)}$", False, fb, name) for g, fb, name in wrong
        if sorted(sp.solve(g, x)) != roots or g.subs(x, 0) != f.subs(x, 0)]
    part = choice_part(rng, options, label="the function")
    steps = (f"The graph meets the $x$-axis where $y = 0$: ${latex(f)} = 0$ at "
             f"$x = {latex(roots[0])}$ and $x = {latex(roots[1])}$.",
             f"It meets the $y$-axis at $y = f(0) = {latex(f.subs(x, 0))}$.",
             "Only one option has both features.")
    prompt = (f"A graph crosses the $x$-axis at $x = {r1}$ and $x = {r2}$ and the $y$-axis at "
              f"$y = {latex(f.subs(x, 0))}$. Which function is it?")
    hints = ("Set $y = 0$ to find where each option crosses the $x$-axis.",
             "Set $x = 0$ to find where it crosses the $y$-axis.")
    return Question(prompt, (part,), Solution(steps), hints, {"r1": r1, "r2": r2, "k": k})


TEMPLATE = Template(
    slug="match-function", title="Matching a function to its graph", module=1,
    topic="functions", quizzes=("m1-practice-matching-functions",),
    skills=("reading graphs",), build=build)
