"""Which expansion points work? (The course's 2/(x^2 - x).)"""

from __future__ import annotations

import sympy as sp

from nablalab.taylor import check_expansion_points

from ..questions import Option, Question, Rng, Solution, Template, choice_part
from ._derivative import x


def build(rng: Rng) -> Question:
    p, q = sorted(rng.sample(range(-3, 4), 2))
    f = rng.choice([2 / ((x - p) * (x - q)), sp.log(x - p), sp.sqrt(x - p) + 1 / (x - q)])
    candidates = sorted({p, q, p - 1, q + 1, p + 1, q - 1})[:5]
    verdicts = check_expansion_points(f, candidates, order=2, variable=x)
    options = [Option(f"$x = {v.point}$", v.works,
                      "" if v.works else v.reason, f"point-{v.point}") for v in verdicts]
    if not any(v.works for v in verdicts):
        raise ValueError("no working point among the candidates")
    part = choice_part(rng, options, label="working points", multiple=True)
    steps = tuple(f"$x = {v.point}$: " + ("works (f is smooth there)." if v.works
                                           else v.reason) for v in verdicts)
    prompt = (f"About which of these points can $f(x) = {sp.latex(sp.factor(f))}$ be expanded "
              "as a Taylor series? Choose every one that works.")
    hints = ("A Taylor series about $a$ needs $f$ and all its derivatives to exist at $a$.",
             "Look for division by zero, logs of zero or negatives, and square roots of zero.")
    return Question(prompt, (part,), Solution(steps), hints, {"f": f})


TEMPLATE = Template(
    slug="expansion-points", title="Where can we expand?", module=4, topic="taylor series",
    quizzes=("m4-practice-taylor-special-cases", "m4-graded-taylor", "beyond-taylor"),
    skills=("expansion point", "power series"), build=build)
