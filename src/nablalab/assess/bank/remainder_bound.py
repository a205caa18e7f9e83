"""The Lagrange remainder bound M h^(n+1)/(n+1)! for a Maclaurin polynomial on [0, h]."""

from __future__ import annotations

import numpy as np
import sympy as sp

from nablalab.taylor import taylor_series

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ._derivative import x


def build(rng: Rng) -> Question:
    f = rng.choice([sp.sin(x), sp.cos(x), sp.exp(x)])
    n = rng.integer(2, 4)
    h = rng.choice([sp.Rational(1, 2), sp.Rational(1, 5), sp.Rational(1, 10)])
    derivative = sp.diff(f, x, n + 1)
    # |f^(n+1)| is ±sin, ±cos or exp: monotone on [0, h] (h < π/2), so its largest value
    # is at an end (the tests compare it with the Taylor engine's own search for M).
    big_m = max(abs(derivative.subs(x, 0)), abs(derivative.subs(x, h)))
    bound = big_m * h ** (n + 1) / sp.factorial(n + 1)
    polynomial = taylor_series(f, 0, n, x, with_convergence=False).polynomial
    grid = np.linspace(0.0, float(h), 201)
    observed = float(np.max(np.abs(sp.lambdify(x, f - polynomial, "numpy")(grid))))
    at_zero = abs(derivative.subs(x, 0)) * h ** (n + 1) / sp.factorial(n + 1)
    part = Part("bound", "number", bound, label="the bound", options={"significant_figures": 3},
                mistakes=(
        Mistake("no-factorial", big_m * h ** (n + 1), f"Divide by (n+1)! = {n + 1}!."),
        Mistake("order-n", big_m * h**n / sp.factorial(n), "The remainder of the order-n "
                "polynomial involves the next derivative, order n+1, and h^(n+1)."),
        Mistake("m-at-zero", at_zero, "M is the largest |f^(n+1)| anywhere on [0, h], not "
                "its value at the expansion point."),
    ))
    steps = (f"The next derivative is $f^{{({n + 1})}}(x) = {sp.latex(derivative)}$; on "
             f"$[0, {sp.latex(h)}]$ its size is largest at an end, so "
             f"$M = {sp.latex(big_m)}$.",
             f"$|R_{n}| \\le \\dfrac{{M h^{{{n + 1}}}}}{{{n + 1}!}} = {sp.latex(bound)} "
             f"\\approx {sp.latex(bound.evalf(4))}$; the largest actual error sampled on the "
             f"interval is ${sp.latex(sp.Float(observed, 4))}$, within the bound.")
    prompt = (f"$P_{n}$ is the Taylor polynomial of order {n} of $f(x) = {sp.latex(f)}$ about "
              f"$0$. Using $M = \\max |f^{{({n + 1})}}|$ on $[0, {sp.latex(h)}]$, give the "
              f"Lagrange remainder bound on $|f(x) - P_{n}(x)|$ for $x$ in that interval "
              "(3 significant figures, or exact).")
    hints = ("$|R_n(x)| \\le \\dfrac{M\\,|x - a|^{n+1}}{(n+1)!}$.",
             "Find where the $(n+1)$-th derivative is largest in size on the interval.")
    return Question(prompt, (part,), Solution(steps, {"bound": bound}), hints,
                    {"f": f, "n": n, "h": h})


TEMPLATE = Template(
    slug="remainder-bound", title="The Lagrange remainder bound", module=0,
    topic="taylor series", quizzes=("beyond-taylor",),
    skills=("remainder bound", "taylor series"), build=build)
