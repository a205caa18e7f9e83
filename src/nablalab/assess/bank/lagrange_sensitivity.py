"""What a Lagrange multiplier means: the rate at which the optimum moves with the
constraint's constant (a shadow price)."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ..questions.worked import table
from ._constrained import linear_lagrange_point
from ._multivariate import x, y


def build(rng: Rng) -> Question:
    k, p, q = rng.integer(1, 4), rng.integer(1, 3), rng.integer(1, 3)
    c = rng.integer(2, 8)
    best = linear_lagrange_point(k * x * y, [p * x + q * y - c], ["x", "y"])
    multiplier = best.multipliers[0]
    budget = sp.Symbol("c", positive=True)
    optimum = sp.Rational(k, 4 * p * q) * budget**2  # f* as a function of the constant
    parts = (
        Part("value", "number", best.value, label="the maximum $f^*$", mistakes=(
            Mistake("multiplier", multiplier, "That is λ; the maximum is f at the point."),)),
        Part("lambda", "number", multiplier, label="$\\lambda$", mistakes=(
            Mistake("value", best.value, "That is the maximum itself; λ is its rate of change "
                    "with the constraint's constant."),
            Mistake("doubled", 2 * multiplier, "∇f = λ∇g: divide the gradient of f by that of "
                    "g, component by component."),
        )),
    )
    rows = [[f"$({sp.latex(best.point[0])}, {sp.latex(best.point[1])})$", multiplier,
             best.value, best.classification]]
    steps = (f"Solve $\\nabla f = \\lambda \\nabla g$: $({k}y, {k}x) = \\lambda ({p}, {q})$ on "
             f"${sp.latex(p * x + q * y)} = {c}$:",
             table(["point", "$\\lambda$", "$f$", "kind"], rows),
             f"With a general constant $c$ the same steps give $f^*(c) = {sp.latex(optimum)}$, "
             f"and $\\dfrac{{df^*}}{{dc}} = {sp.latex(sp.diff(optimum, budget))} = "
             f"{sp.latex(sp.diff(optimum, budget).subs(budget, c))}$ at $c = {c}$: exactly "
             "$\\lambda$.")
    prompt = (f"Maximise $f(x, y) = {sp.latex(k * x * y)}$ subject to "
              f"${sp.latex(p * x + q * y)} = {c}$ (with $x, y > 0$). Give the maximum value "
              "$f^*$ and the multiplier $\\lambda$ in $\\nabla f = \\lambda \\nabla g$, which says "
              f"how fast $f^*$ grows as the {c} is increased.")
    hints = ("$\\nabla f = \\lambda \\nabla g$ gives two equations; the constraint is the third.",
             "$\\lambda = \\dfrac{df^*}{dc}$: relaxing the constraint by $\\delta$ raises the "
             "maximum by about $\\lambda\\delta$.")
    return Question(prompt, parts, Solution(steps, {"value": best.value, "lambda": multiplier}),
                    hints, {"k": k, "p": p, "q": q, "c": c})


TEMPLATE = Template(
    slug="lagrange-sensitivity", title="What a multiplier measures", module=0,
    topic="lagrange multipliers", quizzes=("beyond-lagrange",),
    skills=("lagrange multiplier", "sensitivity"), build=build)
