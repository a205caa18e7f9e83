"""Double integrals as iterated integrals, over a rectangle or a triangle."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ._multivariate import x, y


def build(rng: Rng) -> Question:
    m, n = rng.integer(0, 2), rng.integer(1, 2)
    coefficient = rng.integer(1, 4)
    f = coefficient * x**m * y**n
    region = rng.choice(["rectangle", "triangle"])
    width, height = rng.integer(1, 3), rng.integer(1, 3)
    upper_y = height if region == "rectangle" else x
    width = width if region == "rectangle" else 1
    inner = sp.integrate(f, (y, 0, upper_y))
    total = sp.integrate(inner, (x, 0, width))
    swapped = sp.integrate(sp.integrate(f, (x, 0, width)), (y, 0, height))
    mistakes = [Mistake("inner-only", inner.subs(x, width), "After the inner integral, "
                        "integrate the result over x as well.")]
    if region == "triangle":
        mistakes.append(Mistake("square", sp.integrate(sp.integrate(f, (y, 0, 1)), (x, 0, 1)),
                                "The region is the triangle 0 ≤ y ≤ x: the inner limit is x, "
                                "not 1."))
    part = Part("integral", "number", total, label="the integral", mistakes=tuple(mistakes))
    limits = f"\\int_0^{{{sp.latex(upper_y)}}}"
    steps = (f"Inner integral, $x$ held constant: ${limits} {sp.latex(f)}\\,dy = "
             f"{sp.latex(inner)}$.",
             f"Outer integral: $\\int_0^{{{width}}} {sp.latex(inner)}\\,dx = {sp.latex(total)}$.")
    if region == "rectangle":
        steps += (f"Check in the other order (Fubini): ${sp.latex(swapped)}$.",)
    where = (f"over the rectangle $0 \\le x \\le {width}$, $0 \\le y \\le {height}$"
             if region == "rectangle" else "over the triangle $0 \\le y \\le x \\le 1$")
    prompt = (f"Evaluate $\\displaystyle\\int_0^{{{width}}}{limits} {sp.latex(f)}\\,dy\\,dx$, the "
              f"integral of ${sp.latex(f)}$ {where}.")
    hints = ("Integrate in $y$ first, treating $x$ as a constant.",
             "Then integrate the result in $x$.")
    return Question(prompt, (part,), Solution(steps, {"integral": total}), hints,
                    {"f": f, "region": region, "width": width, "height": height})


TEMPLATE = Template(
    slug="double-integral", title="Double integrals", module=0, topic="integration",
    quizzes=("beyond-integration",), skills=("double integral", "iterated integral"),
    build=build)
