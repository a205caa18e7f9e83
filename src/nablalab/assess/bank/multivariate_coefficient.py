"""A coefficient of a two-variable Taylor series: the mixed partial over i! j!."""

from __future__ import annotations

import sympy as sp

from nablalab.calculus import differentiate

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ..questions.worked import derivation
from ._multivariate import x, y


def build(rng: Rng) -> Question:
    a, b = rng.integer(1, 3), rng.integer(-2, 2, nonzero=True)
    f = rng.choice([sp.exp(a * x + b * y), sp.exp(a * x) * sp.cos(b * y),
                    sp.sin(a * x + b * y), (1 + a * x) * sp.exp(b * y)])
    i = rng.integer(1, 2)
    # an odd derivative of sin/cos vanishes at 0: keep the coefficient non-zero
    j = 2 if f.has(sp.cos) else 3 - i if f.has(sp.sin) else rng.integer(1, 3 - i)
    in_x = differentiate(f, wrt="x", order=i)
    worked = differentiate(in_x.result, wrt="y", order=j, at={"x": 0, "y": 0})
    mixed = sp.nsimplify(worked.value)
    coefficient = mixed / (sp.factorial(i) * sp.factorial(j))
    monomial = sp.latex(x**i * y**j)
    part = Part("coefficient", "number", coefficient,
                label=f"the coefficient of ${monomial}$", mistakes=(
        Mistake("no-factorials", mixed, f"Divide the mixed partial by {i}! {j}!."),
        Mistake("total-factorial", mixed / sp.factorial(i + j),
                f"Each variable has its own factorial: divide by {i}! {j}!, not ({i + j})!."),
    ))
    steps = (derivation(in_x, f"First ${i}$ times in $x$:"),
             derivation(worked, f"then ${j}$ times in $y$:"),
             f"Its value there is ${sp.latex(mixed)}$; the term of the series is "
             f"$\\dfrac{{{sp.latex(mixed)}}}{{{i}!\\,{j}!}}\\,{monomial} = "
             f"{sp.latex(coefficient)}\\,{monomial}$.")
    prompt = (f"In the Taylor series of $f(x, y) = {sp.latex(f)}$ about $(0, 0)$, what is the "
              f"coefficient of ${monomial}$?")
    hints = ("The term in $x^i y^j$ is $\\dfrac{1}{i!\\,j!}\\dfrac{\\partial^{i+j} f}"
             "{\\partial x^i \\partial y^j}(0,0)\\,x^i y^j$.",
             "Differentiate $i$ times in $x$ and $j$ times in $y$, then set $x = y = 0$.")
    return Question(prompt, (part,), Solution(steps, {"coefficient": coefficient}), hints,
                    {"f": f, "i": i, "j": j})


TEMPLATE = Template(
    slug="multivariate-taylor-coefficient", title="Coefficients of a 2-D Taylor series",
    module=0, topic="taylor series", quizzes=("beyond-taylor",),
    skills=("multivariate taylor", "partial derivative"), build=build)
