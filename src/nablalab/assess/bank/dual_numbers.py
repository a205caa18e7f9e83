"""Forward mode by dual numbers: evaluate f(a + ε) and read the derivative off the ε part."""

from __future__ import annotations

import sympy as sp

from nablalab.numeric.forward import Dual

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ..questions.worked import table
from ._derivative import x


def build(rng: Rng) -> Question:
    c, k = rng.integer(-3, 3, nonzero=True), rng.integer(2, 4)
    outer = rng.choice(["none", "square", "product"])
    inner = x**k + c * x
    f = {"none": inner, "square": inner**2, "product": inner * (x + 1)}[outer]
    # a point where the derivative is not 0, so the ε part says something
    a = rng.choice([p for p in (-2, -1, 1, 2) if sp.diff(f, x).subs(x, p) != 0])
    value, tangent = f.subs(x, a), sp.diff(f, x).subs(x, a)
    seed = Dual(float(a), 1.0)
    engine = {"none": seed**k + c * seed, "square": (seed**k + c * seed) ** 2,
              "product": (seed**k + c * seed) * (seed + 1)}[outer]
    u, du = inner.subs(x, a), sp.diff(inner, x).subs(x, a)
    rows = [["$x$", sp.Integer(a), sp.Integer(1)], [f"$u = {sp.latex(inner)}$", u, du]]
    if outer == "square":
        rows.append(["$f = u^2$", value, f"$2u\\dot u = {sp.latex(tangent)}$"])
    elif outer == "product":
        rows.append(["$f = u\\,(x + 1)$", value,
                     f"$\\dot u (x+1) + u \\dot x = {sp.latex(tangent)}$"])
    part = Part("tangent", "number", tangent, label="the $\\varepsilon$ part", mistakes=(
        Mistake("value", value, "That is the real part f(a); the ε part is the derivative."),
        Mistake("seed-zero", sp.Integer(0), "Seed the input with tangent 1: x = a + 1ε."),
        Mistake("inner-only", du, "Carry the tangent through every operation, not only the "
                "first."),
    ))
    steps = ("Carry (value, tangent) pairs, starting from $x = a + 1\\varepsilon$; "
             "$\\varepsilon^2 = 0$ turns every operation into its own derivative rule:",
             table(["step", "value", "tangent"], rows),
             f"The engine's `Dual` gives the value ${float(engine.value):g}$ and the tangent "
             f"${float(engine.tangent):g}$.")
    prompt = (f"Evaluate $f(x) = {sp.latex(f)}$ at the dual number $x = {a} + \\varepsilon$ "
              "(with $\\varepsilon^2 = 0$). The result is $f(a) + c\\,\\varepsilon$: what is $c$?")
    hints = ("$f(a + \\varepsilon) = f(a) + f'(a)\\,\\varepsilon$.",
             "$(p + q\\varepsilon)(r + s\\varepsilon) = pr + (ps + qr)\\varepsilon$.")
    return Question(prompt, (part,), Solution(steps, {"tangent": tangent}), hints,
                    {"c": c, "k": k, "a": a, "outer": outer})


TEMPLATE = Template(
    slug="dual-numbers", title="Dual numbers", module=0,
    topic="automatic differentiation", quizzes=("beyond-autodiff",),
    skills=("forward mode", "dual numbers"), build=build)
