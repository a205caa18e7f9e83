"""The multivariate chain rule in matrix form: df/dt = ∂f/∂x · dx/du · du/dt."""

from __future__ import annotations

import sympy as sp

from nablalab.calculus import chain_rule
from nablalab.mathinput import symbol

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ..questions.worked import derivation
from ._multivariate import t, x, y

u1, u2 = symbol("u1"), symbol("u2")


def build(rng: Rng) -> Question:
    a, b = rng.integer(1, 3), rng.integer(1, 3)
    f = x**2 + a * x * y
    middle = {x: u1 + u2, y: b * u1 * u2}
    inner = {u1: t**2, u2: rng.choice([t, 2 * t, t + 1])}
    at = rng.integer(1, 2)
    worked = chain_rule(f, [{str(k): v for k, v in middle.items()},
                            {str(k): v for k, v in inner.items()}], wrt="t", at={"t": at})
    composed = f.subs(middle).subs(inner)
    value = sp.diff(composed, t).subs(t, at)
    grad = sp.Matrix([[sp.diff(f, x), sp.diff(f, y)]]).subs(middle).subs(inner).subs(t, at)
    dxdu = sp.Matrix(2, 2, lambda i, j: sp.diff(list(middle.values())[i], (u1, u2)[j]))
    dudt = sp.Matrix([sp.diff(v, t) for v in inner.values()])
    one_path = (grad[:, :1] * dxdu[:1, :] * dudt).subs(inner).subs(t, at)[0]
    part = Part("value", "number", value, label=f"$df/dt$ at $t = {at}$", mistakes=(
        Mistake("one-path", one_path,
                "f depends on t through both x and y: the matrix product sums both paths."),
        Mistake("no-inner", (grad * dxdu).subs(inner).subs(t, at)[0] +
                (grad * dxdu).subs(inner).subs(t, at)[1],
                "The last link du/dt is missing from the product."),
    ))
    prompt = (f"$f(x, y) = {sp.latex(f)}$ with $x = {sp.latex(middle[x])}$, "
              f"$y = {sp.latex(middle[y])}$, and $u_1 = {sp.latex(inner[u1])}$, "
              f"$u_2 = {sp.latex(inner[u2])}$. Use "
              "$\\frac{df}{dt} = \\frac{\\partial f}{\\partial \\mathbf{x}} "
              "\\frac{\\partial \\mathbf{x}}{\\partial \\mathbf{u}} \\frac{d\\mathbf{u}}{dt}$"
              f" to find $\\frac{{df}}{{dt}}$ at $t = {at}$.")
    hints = ("Three Jacobians: $1\\times2$, $2\\times2$ and $2\\times1$: their product is a "
             "number.", "Evaluate every factor at the same $t$ (find $u$ and $x$ there first).")
    return Question(prompt, (part,), Solution((derivation(worked),), {"value": worked.value}),
                    hints, {"a": a, "b": b, "t": at, "u2": inner[u2]})


TEMPLATE = Template(
    slug="chain-rule-matrix", title="Multivariate chain rule in matrix form", module=3,
    topic="multivariate chain rule", quizzes=("m3-practice-multivariate-chain-rule",),
    skills=("multivariate chain rule", "jacobian"), build=build)
