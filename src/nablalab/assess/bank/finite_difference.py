"""When reality is hard: estimating a derivative by a finite difference."""

from __future__ import annotations

import sympy as sp

from nablalab.calculus import differentiate
from nablalab.numeric.finite_difference import derivative as fd_derivative

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ..questions.worked import derivation
from ._derivative import x


def build(rng: Rng) -> Question:
    f = rng.choice([x**3, sp.exp(x), sp.sin(x), x**2 + 3 * x, 1 / (1 + x**2)])
    a = rng.choice([sp.Rational(1, 2), sp.Integer(1), sp.Integer(2)])
    h = rng.choice([sp.Rational(1, 10), sp.Rational(1, 100)])
    forward = (f.subs(x, a + h) - f.subs(x, a)) / h
    estimate = float(forward)
    engine = fd_derivative(sp.lambdify(x, f), float(a), h=float(h), method="forward")
    exact = differentiate(f, at={x: a})
    part = Part("estimate", "number", forward, label="forward-difference estimate",
                options={"decimal_places": 3}, mistakes=(
                    Mistake("no-division", forward * h,
                            "That is the rise f(a + h) - f(a): divide by the run h."),
                    Mistake("central", (f.subs(x, a + h) - f.subs(x, a - h)) / (2 * h),
                            "That is the central difference; the question asks for the "
                            "forward difference (f(a + h) - f(a))/h."),
                    Mistake("exact", exact.value,
                            "That is the exact derivative; the question asks for the "
                            "finite-difference estimate with the given step."),
                ))
    steps = (f"Forward difference: $\\frac{{f({sp.latex(a)} + {sp.latex(h)}) - "
             f"f({sp.latex(a)})}}{{{sp.latex(h)}}} \\approx {engine:.6f}$.",
             derivation(exact, f"For comparison, the exact derivative (error "
                        f"{abs(estimate - float(exact.value)):.2g}, of order h):"))
    prompt = (f"Estimate the derivative of $f(x) = {sp.latex(f)}$ at $x = {sp.latex(a)}$ "
              f"with a forward difference of step $h = {sp.latex(h)}$, to 3 decimal places.")
    hints = ("$f'(a) \\approx \\frac{f(a + h) - f(a)}{h}$.",)
    return Question(prompt, (part,), Solution(steps, {"estimate": sp.Float(engine, 15)}),
                    hints, {"f": f, "a": a, "h": h})


TEMPLATE = Template(
    slug="finite-difference", title="Finite-difference derivatives", module=2,
    topic="numerical derivatives", quizzes=("m2-lab-sandpit",),
    skills=("finite difference",), build=build)
