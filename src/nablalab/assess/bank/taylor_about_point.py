"""A Taylor series about a point other than 0 (the course's 1/x about 4, ln x about 10)."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ._derivative import x
from ._series import maclaurin, without_factorials, worked_series


def build(rng: Rng) -> Question:
    f = rng.choice([1 / x, sp.log(x), sp.sqrt(x), 1 / x**2])
    a = rng.choice([1, 2, 4, 9, 10]) if f != sp.sqrt(x) else rng.choice([1, 4, 9])
    expected = maclaurin(f, x, 2, sp.Integer(a))
    series, steps = worked_series(f, x, 2, sp.Integer(a))
    part = Part("series", "expression", expected, label="$P_2(x)$", variables=("x",),
                mistakes=(
                    Mistake("no-factorials", without_factorials(series),
                            "The (x - a)^2 coefficient is f''(a)/2!: divide by the factorial."),
                    Mistake("powers-of-x", sum(t.coefficient * x**t.order
                                               for t in series.terms),
                            f"Expand in powers of (x - {a}), not of x."),
                ))
    prompt = (f"Find the second-order Taylor polynomial of $f(x) = {sp.latex(f)}$ about "
              f"$x = {a}$ (in powers of $(x - {a})$).")
    hints = (f"$P_2(x) = f({a}) + f'({a})(x - {a}) + \\frac{{f''({a})}}{{2!}}(x - {a})^2$.",)
    return Question(prompt, (part,), Solution(steps, {"series": series.polynomial}), hints,
                    {"f": f, "a": a})


TEMPLATE = Template(
    slug="taylor-about-point", title="Taylor series about a point", module=4,
    topic="taylor series", quizzes=("m4-practice-applying-taylor", "m4-graded-taylor"),
    skills=("taylor coefficient",), build=build)
