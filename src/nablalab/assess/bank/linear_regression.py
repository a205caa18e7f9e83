"""Linear regression by hand: m and c for five points."""

from __future__ import annotations

import numpy as np
import sympy as sp

from nablalab.regression import linfit

from ..questions import Mistake, Part, Question, Rng, Solution, Template


def build(rng: Rng) -> Question:
    xs = sorted(rng.sample(range(-3, 7), 5))
    m0, c0 = rng.integer(-3, 3, nonzero=True), rng.integer(-5, 5)
    ys = [m0 * v + c0 + rng.integer(-2, 2) for v in xs]
    n = len(xs)
    sx, sy = sum(xs), sum(ys)
    sxx, sxy = sum(v * v for v in xs), sum(a * b for a, b in zip(xs, ys, strict=True))
    m = sp.Rational(n * sxy - sx * sy, n * sxx - sx**2)
    c = sp.Rational(sy, n) - m * sp.Rational(sx, n)
    fit = linfit(np.array(xs, dtype=float), np.array(ys, dtype=float))
    swapped = sp.Rational(n * sxy - sx * sy, n * sum(v * v for v in ys) - sy**2) if (
        n * sum(v * v for v in ys) - sy**2) else m + 1
    parts = (
        Part("m", "number", m, label="$m$", options={"decimal_places": 3}, mistakes=(
            Mistake("x-on-y", swapped, "That regresses x on y: m = cov(x, y)/var(x)."),)),
        Part("c", "number", c, label="$c$", options={"decimal_places": 3}, mistakes=(
            Mistake("mean-y", sp.Rational(sy, n), "c = ȳ - m x̄: subtract m times the mean "
                    "of x."),)),
    )
    values = [float(v) for v in np.ravel(fit.x)]
    steps = (f"$\\bar x = {sp.latex(sp.Rational(sx, n))}$, $\\bar y = "
             f"{sp.latex(sp.Rational(sy, n))}$.",
             "$m = \\frac{\\sum (x_i - \\bar x)(y_i - \\bar y)}{\\sum (x_i - \\bar x)^2} = "
             f"{sp.latex(m)}$, $c = \\bar y - m \\bar x = {sp.latex(c)}$.",
             f"The least-squares engine agrees: $m = {values[0]:.6f}$, $c = {values[1]:.6f}$.")
    prompt = (f"Fit $y = m x + c$ by least squares to the points $x = {xs}$, $y = {ys}$. "
              "Give $m$ and $c$ (to 3 decimal places or exactly).")
    hints = ("$m = \\frac{\\sum (x_i - \\bar x)(y_i - \\bar y)}{\\sum (x_i - \\bar x)^2}$.",
             "$c = \\bar y - m \\bar x$.")
    return Question(prompt, parts, Solution(steps, {"m": sp.Float(values[0], 15),
                                                    "c": sp.Float(values[1], 15)}),
                    hints, {"x": xs, "y": ys})


TEMPLATE = Template(
    slug="linear-regression", title="Linear regression by hand", module=6,
    topic="regression", quizzes=("m6-practice-linear-regression",),
    skills=("least squares", "linear regression"), build=build)
