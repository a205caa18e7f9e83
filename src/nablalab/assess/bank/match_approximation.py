"""Matching a function with its approximation of a given order."""

from __future__ import annotations

import sympy as sp

from ..questions import Option, Question, Rng, Solution, Template, choice_part
from ._derivative import x
from ._series import maclaurin, without_factorials, worked_series


def build(rng: Rng) -> Question:
    f = rng.choice([sp.exp(x), sp.cos(x), sp.exp(-x), sp.log(1 + x), sp.sqrt(1 + x),
                    1 / (1 + x)])
    order = rng.integer(2, 3)
    right = maclaurin(f, x, order)
    series, steps = worked_series(f, x, order)
    candidates = [
        (right, True, "", "right"),
        (maclaurin(f, x, order - 1), False, f"That stops at order {order - 1}.", "too-short"),
        (maclaurin(f, x, order + 1), False, f"That goes to order {order + 1}.", "too-long"),
        (without_factorials(series), False, "The coefficients must be divided by n!.",
         "no-factorials"),
        (maclaurin(f, x, order).subs(x, -x), False, "The odd-power terms have the wrong sign.",
         "sign"),
    ]
    options: list[Option] = []
    seen: list[sp.Expr] = []
    for poly, right_one, feedback, name in candidates:
        if all(sp.expand(poly - other) != 0 for other in seen):
            seen.append(poly)
            options.append(Option(f"${sp.latex(poly)}$", right_one, feedback, name))
    part = choice_part(rng, options, label="the approximation")
    prompt = (f"Which polynomial is the order-{order} Taylor approximation of "
              f"$f(x) = {sp.latex(f)}$ about $x = 0$?")
    hints = ("Match the constant term first: it must equal $f(0)$.",
             "Then the slope $f'(0)$, then $f''(0)/2$ ...")
    return Question(prompt, (part,), Solution(steps), hints, {"f": f, "order": order})


TEMPLATE = Template(
    slug="match-approximation", title="Matching functions and approximations", module=4,
    topic="taylor series", quizzes=("m4-practice-matching-approximations",),
    skills=("taylor coefficient", "approximation order"), build=build)
