"""χ² of a straight-line fit and its steepest-descent step (the assignment's steepest_step)."""

from __future__ import annotations

import sympy as sp

from nablalab.calculus import gradient
from nablalab.mathinput import symbol

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ..questions.worked import derivation

m, c = symbol("m"), symbol("c")


def build(rng: Rng) -> Question:
    xs = [0, 1, 2]
    ys = [rng.integer(-2, 4) for _ in xs]
    m0, c0 = rng.integer(0, 2), rng.integer(-1, 1)
    chi2 = sum((y - (m * v + c)) ** 2 for v, y in zip(xs, ys, strict=True))
    at = {m: m0, c: c0}
    worked = gradient(chi2, ["m", "c"], at={"m": m0, "c": c0})
    value = chi2.subs(at)
    grad = sp.Matrix([sp.diff(chi2, p).subs(at) for p in (m, c)])
    aggression = sp.Rational(1, 10)
    parts = (
        Part("chi2", "number", value, label="$\\chi^2$", mistakes=(
            Mistake("not-squared", sum(y - (m0 * v + c0) for v, y in zip(xs, ys, strict=True)),
                    "χ² sums the SQUARED residuals."),)),
        Part("step", "vector", -aggression * grad, label="step $-\\alpha J$", mistakes=(
            Mistake("uphill", aggression * grad, "Steepest descent moves against J."),
            Mistake("no-two", -aggression * grad / 2, "d/dm of (y - (mx + c))^2 is "
                    "-2x(y - (mx + c)): keep the factor 2."),
        )),
    )
    steps = (f"$\\chi^2(m, c) = {sp.latex(chi2)}$, which is ${sp.latex(value)}$ at "
             f"$(m, c) = ({m0}, {c0})$.", derivation(worked),
             f"Step: $-\\alpha J = -{sp.latex(aggression)} \\cdot {sp.latex(grad.T)}^T$.")
    prompt = (f"Data $x = {xs}$, $y = {ys}$ are fitted by $y = mx + c$ with "
              f"$\\chi^2 = \\sum_i (y_i - (m x_i + c))^2$. At $m = {m0}$, $c = {c0}$ find "
              f"$\\chi^2$ and the steepest-descent step $-\\alpha J$ with "
              f"$J = [\\partial\\chi^2/\\partial m, \\partial\\chi^2/\\partial c]$ and "
              f"$\\alpha = {sp.latex(aggression)}$.")
    hints = ("$\\partial\\chi^2/\\partial m = -2\\sum x_i (y_i - (m x_i + c))$.",
             "$\\partial\\chi^2/\\partial c = -2\\sum (y_i - (m x_i + c))$.")
    return Question(prompt, parts, Solution(steps, {"chi2": value, "step": -aggression *
                                                    sp.Matrix(worked.value)}),
                    hints, {"y": ys, "m": m0, "c": c0})


TEMPLATE = Template(
    slug="chi-squared-step", title="χ² and a steepest-descent step", module=6,
    topic="regression", quizzes=("m6-assignment-height-data", "m6-practice-linear-regression"),
    skills=("least squares", "steepest descent"), build=build)
