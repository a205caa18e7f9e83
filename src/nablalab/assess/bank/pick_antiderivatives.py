"""Pick every antiderivative of a function from a list (any constant is allowed)."""

from __future__ import annotations

import sympy as sp

from nablalab.calculus import differentiate
from nablalab.mathinput import latex

from ..questions import Option, Question, Rng, Solution, Template, choice_part
from ..questions.worked import derivation
from ._derivative import x


def build(rng: Rng) -> Question:
    a, n = rng.integer(2, 6), rng.integer(2, 5)
    trig = rng.choice([sp.sin, sp.cos])
    f = a * x**n + trig(x)
    big_f = sp.integrate(f, x)
    k = rng.integer(1, 9)
    options = [
        Option(f"${latex(big_f)}$", True),
        Option(f"${latex(big_f + k)}$", True),
        Option(f"${latex(sp.diff(f, x))}$", False,
               "That option is the derivative of f, not an antiderivative.", "derivative"),
        Option(f"${latex(big_f - 2 * sp.integrate(trig(x), x))}$", False,
               "Check the trig sign: the derivative of cos x is -sin x.", "trig-sign"),
        Option(f"${latex(a * x**(n + 1) + sp.integrate(trig(x), x))}$", False,
               "Raising the power is right, but divide by the new power too.", "no-division"),
    ]
    part = choice_part(rng, options, label="antiderivatives", multiple=True)
    checks = [derivation(differentiate(big_f + c), f"Differentiate ${latex(big_f + c)}$:")
              for c in (0, k)]
    steps = ("An antiderivative $F$ has $F' = f$; adding a constant does not change $F'$.",
             *checks, "The other options differentiate to something other than $f$.")
    prompt = (f"Which of these are antiderivatives of $f(x) = {latex(f)}$? "
              "Choose every one that is (type their letters, e.g. a, c).")
    hints = ("Differentiate each option and compare with $f$.",
             "Two antiderivatives can differ by a constant.")
    return Question(prompt, (part,), Solution(steps), hints, {"a": a, "n": n, "k": k})


TEMPLATE = Template(
    slug="pick-antiderivatives", title="Which are antiderivatives?", module=1,
    topic="differentiation", quizzes=("m1-practice-differentiate", "m1-graded-toolbox"),
    skills=("antiderivative", "special functions"), build=build)
