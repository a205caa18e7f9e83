"""The general term of a series (the course's 1/(1 - x)^2)."""

from __future__ import annotations

from functools import cache

import sympy as sp

from nablalab.mathinput import symbol
from nablalab.taylor import TaylorSeries, taylor_series

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ..questions.worked import series_table
from ._derivative import x

n = symbol("n")


@cache
def _series(k: int, a: int) -> TaylorSeries:
    """The engine's series (with its general term) depends only on (k, a): computed once."""
    return taylor_series(1 / (1 - a * x) ** k, 0, 4, x)


def build(rng: Rng) -> Question:
    k, a = rng.integer(1, 3), rng.choice([1, 2, 3])  # (-1)^n is not real for real n
    f = 1 / (1 - a * x) ** k
    coefficient = sp.expand_func(sp.binomial(n + k - 1, k - 1)) * a**n
    series = _series(k, a)
    general = series.general_term
    found = general.coefficient.subs(general.index, n)
    part = Part("coefficient", "expression", coefficient, label="$c_n$", variables=("n",),
                mistakes=(
                    Mistake("off-by-one", coefficient.subs(n, n - 1),
                            "Check n = 0: the constant term of the series is 1."),
                    Mistake("no-power", coefficient / a**n,
                            f"Each x comes with the factor {a}: c_n includes {a}^n.")
                    if a != 1 else Mistake("geometric", sp.Integer(1),
                                           "That is the geometric series 1/(1 - x); the power "
                                           f"{k} changes the coefficients."),
                ))
    steps = (series_table(series),
             f"The coefficients follow the pattern $c_n = {sp.latex(found)}$ "
             f"(the general term is ${sp.latex(general.term)}$).")
    prompt = (f"The Maclaurin series of $f(x) = {sp.latex(f)}$ is $\\sum_{{n \\ge 0}} c_n x^n$. "
              "Find $c_n$ as a formula in $n$.")
    hints = ("Write out the first few coefficients and look for the pattern.",
             "Differentiating the geometric series $\\sum x^n$ gives $\\sum n x^{n-1}$.")
    return Question(prompt, (part,), Solution(steps, {"coefficient": found}), hints,
                    {"k": k, "a": a})


TEMPLATE = Template(
    slug="general-term", title="The general term of a series", module=4,
    topic="taylor series", quizzes=("m4-practice-taylor-special-cases",),
    skills=("power series", "taylor coefficient"), build=build)
