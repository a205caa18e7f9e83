"""A Maclaurin series to a given order (the course's e^(x^2) and friends)."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ._derivative import x
from ._series import maclaurin, without_factorials, worked_series


def build(rng: Rng) -> Question:
    a = rng.integer(1, 3)
    f = rng.choice([sp.exp(a * x**2), sp.cos(a * x), sp.log(1 + a * x), 1 / (1 - a * x),
                    sp.exp(a * x), sp.sin(a * x)])
    order = rng.integer(3, 4)
    expected = maclaurin(f, x, order)
    series, steps = worked_series(f, x, order)
    part = Part("series", "expression", expected, label=f"$P_{order}(x)$", variables=("x",),
                mistakes=(
                    Mistake("no-factorials", without_factorials(series),
                            "Each coefficient is f^(n)(0) divided by n!: the factorials are "
                            "missing."),
                    Mistake("one-order-short", maclaurin(f, x, order - 1),
                            f"Keep every term up to and including x^{order}."),
                ))
    prompt = (f"Find the Maclaurin series of $f(x) = {sp.latex(f)}$ up to and including the "
              f"$x^{order}$ term.")
    hints = ("$f(x) \\approx \\sum_n \\frac{f^{(n)}(0)}{n!} x^n$.",
             "Some coefficients may be zero; a known series with a substitution also works.")
    return Question(prompt, (part,), Solution(steps, {"series": series.polynomial}), hints,
                    {"f": f, "order": order})


TEMPLATE = Template(
    slug="maclaurin-series", title="Maclaurin series", module=4, topic="taylor series",
    quizzes=("m4-practice-applying-taylor", "m4-graded-taylor"),
    skills=("taylor coefficient", "power series"), build=build)
