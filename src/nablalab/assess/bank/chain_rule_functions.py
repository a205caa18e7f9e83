"""The chain rule on tan, ln, sqrt and cos of a linear or quadratic inside."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Question, Rng, Template
from ._derivative import derivative_question, x


def build(rng: Rng) -> Question:
    a, b = rng.integer(2, 6), rng.integer(1, 7)
    outer = rng.choice(["tan", "ln", "sqrt", "cos"])
    inner = a * x + b if outer == "tan" else a * x**2 + b
    f = {"tan": sp.tan, "ln": sp.log, "sqrt": sp.sqrt, "cos": sp.cos}[outer](inner)
    right = sp.diff(f, x)
    du = sp.diff(inner, x)
    mistakes = [Mistake("forgot-inner", right / du,
                        "You forgot the chain rule's inner derivative: multiply by the "
                        f"derivative of {sp.sstr(inner)}.")]
    if outer == "cos":
        mistakes.append(Mistake("cos-sign", -right, "Sign slip: d/dx cos(u) = -sin(u) u'."))
    if outer == "ln":
        mistakes.append(Mistake("log-inner", 1 / du, "d/dx ln(u) = u'/u: divide by u itself."))
    return derivative_question(f, mistakes=mistakes, hints=[
        f"The inner function is $u = {sp.latex(inner)}$.",
        "$\\frac{d}{dx}\\tan u = \\sec^2 u\\, u'$, $\\frac{d}{dx}\\ln u = \\frac{u'}{u}$, "
        "$\\frac{d}{dx}\\sqrt{u} = \\frac{u'}{2\\sqrt{u}}$."],
        parameters={"a": a, "b": b, "outer": outer})


TEMPLATE = Template(
    slug="chain-rule-functions", title="Chain rule: tan, ln, roots", module=1,
    topic="chain rule", quizzes=("m1-practice-chain-rule",), skills=("chain rule",),
    build=build)
