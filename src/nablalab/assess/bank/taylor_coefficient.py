"""One Taylor coefficient: f^(n)(a)/n! (the factorial is the usual slip)."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ._derivative import x
from ._series import worked_series


def build(rng: Rng) -> Question:
    f = rng.choice([sp.exp(2 * x), x**5, sp.log(1 + x), sp.cos(x), 1 / (1 - x),
                    sp.exp(x) * x])
    n = rng.integer(2, 4)
    a = 0 if f.has(sp.log, sp.cos) or f == 1 / (1 - x) else rng.choice([0, 1])
    coefficient = sp.diff(f, x, n).subs(x, a) / sp.factorial(n)
    series, steps = worked_series(f, x, n, sp.Integer(a))
    term = f"(x - {a})^{n}" if a else f"x^{n}"
    part = Part("coefficient", "number", coefficient, label=f"coefficient of ${term}$",
                mistakes=(
                    Mistake("no-factorial", sp.diff(f, x, n).subs(x, a),
                            f"Divide f^({n})(a) by {n}! = {sp.factorial(n)}."),
                    Mistake("wrong-order", sp.diff(f, x, n - 1).subs(x, a) / sp.factorial(n - 1),
                            f"That is the coefficient of the power {n - 1}."),
                ))
    prompt = (f"In the Taylor series of $f(x) = {sp.latex(f)}$ about $x = {a}$, what is the "
              f"coefficient of ${term}$?")
    hints = ("The coefficient of $(x - a)^n$ is $\\frac{f^{(n)}(a)}{n!}$.",)
    return Question(prompt, (part,),
                    Solution(steps, {"coefficient": series.terms[n].coefficient}), hints,
                    {"f": f, "n": n, "a": a})


TEMPLATE = Template(
    slug="taylor-coefficient", title="A Taylor coefficient", module=4,
    topic="taylor series", quizzes=("m4-practice-applying-taylor", "m4-graded-taylor"),
    skills=("taylor coefficient",), build=build)
