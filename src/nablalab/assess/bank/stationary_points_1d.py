"""Where the derivative's graph crosses zero: the turning points of a cubic."""

from __future__ import annotations

import sympy as sp

from nablalab.calculus import differentiate
from nablalab.mathinput import latex

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ..questions.worked import derivation
from ._derivative import x


def build(rng: Rng) -> Question:
    p, q = sorted(rng.sample(range(-4, 5), 2))
    c = rng.integer(-5, 5)
    f = x**3 / 3 - sp.Rational(p + q, 2) * x**2 + p * q * x + c
    worked = differentiate(f)
    roots = sorted(sp.solve(worked.result, x))
    part = Part("points", "points", [(r,) for r in roots], label="$x$ values",
                variables=("x",), mistakes=(
                    Mistake("inflection", [(sp.Rational(p + q, 2),)],
                            "That is where f'' = 0 (the inflection point, where f' itself "
                            "turns); the turning points of f are where f' = 0."),
                    Mistake("root-signs", [(-r,) for r in roots],
                            "Watch the signs: (x - p)(x - q) = 0 gives x = p and x = q."),
                ))
    steps = (derivation(worked),
             f"$f'(x) = {latex(sp.factor(worked.result))} = 0$ at $x = {latex(roots[0])}$ "
             f"and $x = {latex(roots[1])}$: there the graph of $f'$ crosses the axis and "
             "the graph of $f$ turns.")
    prompt = (f"Where does the graph of the derivative of $f(x) = {latex(f)}$ cross the "
              "$x$-axis? (List every $x$, separated by commas.)")
    hints = ("The graph of $f'$ crosses the axis where $f'(x) = 0$: where $f$ is flat.",
             "Differentiate, then factorise the quadratic.")
    return Question(prompt, (part,), Solution(steps, {"points": [(r,) for r in roots]}),
                    hints, {"p": p, "q": q, "c": c})


TEMPLATE = Template(
    slug="derivative-zeros", title="Where the derivative is zero", module=1,
    topic="functions", quizzes=("m1-practice-derivative-graphs",),
    skills=("reading graphs", "stationary point"), build=build)
