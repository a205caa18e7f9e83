"""Which function is the derivative of this one (matching graphs of f and f')?"""

from __future__ import annotations

import sympy as sp

from nablalab.calculus import differentiate
from nablalab.mathinput import latex

from ..questions import Option, Question, Rng, Solution, Template, choice_part
from ..questions.worked import derivation
from ._derivative import x


def build(rng: Rng) -> Question:
    a = rng.integer(1, 3)
    f = rng.choice([sp.sin(a * x), sp.cos(a * x), x**3 - 3 * a**2 * x, sp.exp(-a * x)])
    worked = differentiate(f)
    df = worked.result
    options = [Option(f"$y = {latex(df)}$", True),
               Option(f"$y = {latex(-df)}$", False,
                      "Upside down: where f rises its derivative is positive.", "negated"),
               Option(f"$y = {latex(sp.integrate(f, x))}$", False,
                      "That is an antiderivative: its derivative is f.", "antiderivative"),
               Option(f"$y = {latex(sp.diff(f, x, 2))}$", False,
                      "That is the second derivative.", "second")]
    seen: list[sp.Expr] = [df]
    unique = [options[0]]
    for option, expr in zip(options[1:], (-df, sp.integrate(f, x), sp.diff(f, x, 2)),
                            strict=True):
        if all(sp.expand(expr - other) != 0 for other in seen):
            unique.append(option)
            seen.append(expr)
    part = choice_part(rng, unique, label="the derivative")
    steps = (derivation(worked), "Where $f$ rises, this graph is above the axis; where $f$ "
             "is flat, it crosses zero.")
    prompt = (f"The graph of $f(x) = {latex(f)}$ is shown to a learner. Which graph is that "
              "of its derivative $f'(x)$?")
    hints = ("Where is $f$ increasing? There $f' > 0$.",
             "Differentiate $f$ and compare with each option.")
    return Question(prompt, (part,), Solution(steps), hints, {"f": f})


TEMPLATE = Template(
    slug="derivative-graph-match", title="Matching a graph to its derivative", module=1,
    topic="functions", quizzes=("m1-practice-derivative-graphs",),
    skills=("reading graphs", "special functions"), build=build)
