"""Area under a curve: the fundamental theorem F(b) − F(a)."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ._derivative import x


def build(rng: Rng) -> Question:
    a, n = rng.integer(1, 4), rng.integer(1, 3)
    f = rng.choice([a * x**n + 1, sp.exp(x) + a, a * sp.sin(x)])
    lo, hi = (0, rng.choice([1, 2])) if not f.has(sp.sin) else (0, rng.choice([sp.pi / 2,
                                                                                  sp.pi]))
    big_f = sp.integrate(f, x)
    area = sp.integrate(f, (x, lo, hi))
    part = Part("area", "number", area, label="the integral", mistakes=(
        Mistake("reversed", -area, "F(b) - F(a): the upper limit comes first."),
        Mistake("upper-only", big_f.subs(x, hi), "Subtract F at the lower limit too (F(0) "
                "is not always 0)."),
        Mistake("integrand-difference", f.subs(x, hi) - f.subs(x, lo),
                "Evaluate the antiderivative F at the limits, not f."),
    ))
    numeric = sp.Integral(f, (x, lo, hi)).evalf(15)
    steps = (f"An antiderivative: $F(x) = {sp.latex(big_f)}$.",
             f"$F({sp.latex(hi)}) - F({sp.latex(lo)}) = {sp.latex(area)}$ "
             f"(numerical quadrature: ${numeric:.10f}$).")
    prompt = (f"Evaluate $\\int_{{{sp.latex(lo)}}}^{{{sp.latex(hi)}}} {sp.latex(f)}\\,dx$ "
              "(the area under the curve).")
    hints = ("Find an antiderivative $F$.", "The integral is $F(b) - F(a)$.")
    return Question(prompt, (part,), Solution(steps, {"area": area}), hints,
                    {"f": f, "lo": lo, "hi": hi})


TEMPLATE = Template(
    slug="definite-integral", title="Definite integrals and area", module=0,
    topic="integration", quizzes=("beyond-integration",),
    skills=("fundamental theorem", "antiderivative"), build=build)
