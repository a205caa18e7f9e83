"""Odd, even or neither — which powers can appear in the series (the course's arctan)."""

from __future__ import annotations

import sympy as sp

from nablalab.taylor import parity

from ..questions import Option, Question, Rng, Solution, Template, choice_part
from ._derivative import x

FUNCTIONS = (sp.atan(x), sp.cos(x) + x**2, sp.sin(x) * sp.cos(x), sp.exp(x), x**3 - x,
             sp.exp(-x**2), sp.tanh(x), x * sp.sin(x), sp.log(1 + x**2), sp.exp(x) + x)
MEANING = {"odd": "only odd powers", "even": "only even powers",
           "neither": "both odd and even powers"}


def build(rng: Rng) -> Question:
    f = rng.choice(FUNCTIONS)
    kind = parity(f, x)
    reflected = sp.simplify(f.subs(x, -x))
    options = [Option(f"{k}: the series has {MEANING[k]}", k == kind,
                      "" if k == kind else f"Compare f(-x) with f(x): here f(-x) = "
                      f"{sp.sstr(reflected)}.", f"said-{k}") for k in MEANING]
    part = choice_part(rng, options, label="the function is")
    steps = (f"$f(-x) = {sp.latex(reflected)}$.",
             f"So $f$ is {kind}, and its Maclaurin series has {MEANING[kind]}.")
    prompt = (f"Is $f(x) = {sp.latex(f)}$ odd, even, or neither? What does that say about "
              "its Maclaurin series?")
    hints = ("Even: $f(-x) = f(x)$. Odd: $f(-x) = -f(x)$.",
             "An odd function's series has only odd powers of $x$.")
    return Question(prompt, (part,), Solution(steps), hints, {"f": f})


TEMPLATE = Template(
    slug="parity", title="Odd and even functions", module=4, topic="taylor series",
    quizzes=("m4-practice-taylor-special-cases", "m4-graded-taylor"),
    skills=("parity", "power series"), build=build)
