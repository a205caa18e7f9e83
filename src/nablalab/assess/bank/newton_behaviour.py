"""What Newton–Raphson does from an awkward start: converge, jump, cycle or diverge."""

from __future__ import annotations

import sympy as sp

from nablalab.numeric.result import Status
from nablalab.optimize import newton_raphson

from ..questions import Option, Question, Rng, Solution, Template, choice_part
from ._derivative import x

CASES = (
    (x**3 - 2 * x + 2, 0),
    (sp.atan(x), 2),
    (x**2 - 4, 3),
    (x**3 - 3 * x, 1),
    (sp.cbrt(x), 1),
)
WORDS = {
    Status.CONVERGED: "it converges to a root",
    Status.CYCLE: "it cycles between points for ever",
    Status.DIVERGED: "it runs away (|x| grows without bound)",
    Status.ZERO_DERIVATIVE: "it stops at once: the tangent is flat (f'(x0) = 0)",
}


def build(rng: Rng) -> Question:
    f, x0 = rng.choice(CASES)
    run = newton_raphson(f, x0, variable=x, maxiter=60)
    status = run.status if run.status in WORDS else Status.DIVERGED
    options = [Option(text, s == status, "" if s == status else
                      f"Run a few iterations by hand: {run.message}", f"said-{s}")
               for s, text in WORDS.items()]
    part = choice_part(rng, options, label="Newton–Raphson")
    rows = ", ".join(f"{r['x']:.4g}" for r in run.history[:6])
    steps = (f"The iterates from $x_0 = {x0}$: {rows} ...", f"Outcome: {run.message}")
    prompt = (f"What happens when Newton–Raphson is applied to $f(x) = {sp.latex(f)}$ "
              f"from $x_0 = {x0}$?")
    hints = ("Compute two or three iterations by hand.",
             "Watch out for flat tangents and for steps that grow.")
    return Question(prompt, (part,), Solution(steps), hints, {"f": f, "x0": x0})


TEMPLATE = Template(
    slug="newton-behaviour", title="When Newton–Raphson misbehaves", module=5,
    topic="optimisation", quizzes=("m5-graded-checking-newton", "m5-practice-newton-raphson"),
    skills=("newton step", "convergence"), build=build)
