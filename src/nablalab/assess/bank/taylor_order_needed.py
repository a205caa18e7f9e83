"""Choosing the order of a Taylor polynomial in advance from the remainder bound."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ..questions.worked import table


def build(rng: Rng) -> Question:
    big_m, h = rng.choice([(1, sp.Integer(1)), (3, sp.Integer(1)), (1, sp.Rational(1, 2)),
                           (8, sp.Integer(2))])
    function = {1: "\\sin x", 3: "e^x", 8: "e^x"}[big_m] if h != sp.Rational(1, 2) else "\\cos x"
    digits = rng.integer(2, 6)
    tolerance = sp.Rational(1, 10**digits)
    bounds = []
    n = 0
    while True:
        bound = big_m * h ** (n + 1) / sp.factorial(n + 1)
        bounds.append([n, bound, "yes" if bound < tolerance else "no"])
        if bound < tolerance:
            break
        n += 1
    part = Part("order", "number", n, label="$n$", mistakes=(
        Mistake("one-short", n - 1, f"At order {n - 1} the bound is still "
                f"{float(bounds[-2][1]):.3g}, not below the tolerance."),
        Mistake("bound-index", n + 1, "The bound of the order-n polynomial uses (n+1)!: "
                "you counted one order too many."),
    ))
    steps = (f"Tabulate the bound $M h^{{n+1}}/(n+1)!$ with $M = {big_m}$, "
             f"$h = {sp.latex(h)}$ until it drops below ${sp.latex(tolerance)}$:",
             table(["$n$", "bound", f"below $10^{{-{digits}}}$?"], bounds),
             f"The smallest order that works is $n = {n}$.")
    prompt = (f"Every derivative of ${function}$ is at most ${big_m}$ in size on "
              f"$[0, {sp.latex(h)}]$. What is the smallest order $n$ for which the Lagrange "
              f"remainder bound guarantees that the Taylor polynomial about $0$ is within "
              f"$10^{{-{digits}}}$ of ${function}$ at $x = {sp.latex(h)}$?")
    hints = ("$|R_n| \\le \\dfrac{M h^{n+1}}{(n+1)!}$.",
             "Try $n = 0, 1, 2, \\dots$ until the bound is below the tolerance.")
    return Question(prompt, (part,), Solution(steps, {"order": n}), hints,
                    {"M": big_m, "h": h, "digits": digits})


TEMPLATE = Template(
    slug="taylor-order-needed", title="How many terms are needed?", module=0,
    topic="taylor series", quizzes=("beyond-taylor",),
    skills=("remainder bound", "taylor series"), build=build)
