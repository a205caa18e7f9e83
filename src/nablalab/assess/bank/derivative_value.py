"""Evaluate a derivative at a point (the course's f'(2) for x^(3/2) + pi x^2 + sqrt 7)."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Question, Rng, Template
from ._derivative import derivative_value_question, x


def build(rng: Rng) -> Question:
    k = rng.choice([2, 3, 5, 7, 11])
    b = rng.integer(1, 4)
    a = rng.choice([1, 4, 9])
    f = x**sp.Rational(3, 2) + b * sp.pi * x**2 + sp.sqrt(k)
    right = sp.diff(f, x).subs(x, a)
    return derivative_value_question(f, sp.Integer(a), mistakes=[
        Mistake("constant-differentiated", right + 1 / (2 * sp.sqrt(k)),
                f"sqrt({k}) is a constant: its derivative is 0."),
        Mistake("function-value", f.subs(x, a),
                "That is f at the point; differentiate first, then substitute."),
        Mistake("pi-dropped", right - 2 * b * sp.pi * a + 2 * b * a,
                "pi is just a number: keep it as a factor."),
    ], hints=["Differentiate first: $\\frac{d}{dx}x^{3/2} = \\frac{3}{2}x^{1/2}$; "
              "$\\pi$ and $\\sqrt{k}$ are constants.",
              f"Then substitute $x = {a}$."], parameters={"k": k, "b": b, "a": a})


TEMPLATE = Template(
    slug="derivative-value", title="A derivative at a point", module=1,
    topic="differentiation", quizzes=("m1-graded-toolbox",),
    skills=("power rule", "evaluate derivative"), build=build)
