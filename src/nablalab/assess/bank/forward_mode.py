"""Automatic differentiation by hand: forward mode (dual numbers) and reverse mode (adjoints)."""

from __future__ import annotations

import sympy as sp

from nablalab.numeric.autodiff import Tensor
from nablalab.numeric.forward import Dual

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ..questions.worked import table
from ._multivariate import x, y


def build(rng: Rng) -> Question:
    a, b = rng.integer(1, 3), rng.integer(1, 3)
    p, q = rng.integer(1, 3), rng.integer(-2, 2, nonzero=True)
    f = (x * y + a * x) * (y + b)
    mode = rng.choice(["forward", "reverse"])
    wrt = x if mode == "forward" else y
    at = {x: p, y: q}
    value = sp.diff(f, wrt).subs(at)
    u, v = (x * y + a * x).subs(at), (y + b).subs(at)
    if mode == "forward":
        dx, dy = Dual(float(p), 1.0), Dual(float(q), 0.0)
        out = (dx * dy + a * dx) * (dy + b)
        engine = float(out.tangent)
        trace = [["$u = xy + ax$", u, sp.diff(x * y + a * x, x).subs(at)],
                 ["$v = y + b$", v, 0], ["$f = uv$", f.subs(at), value]]
        header = ["node", "value", "tangent $\\dot{}$ (seed $\\dot x = 1$)"]
    else:
        tx, ty = Tensor(float(p), requires_grad=True), Tensor(float(q), requires_grad=True)
        out = (tx * ty + a * tx) * (ty + b)
        out.backward()
        engine = float(ty.grad)
        trace = [["$\\bar f$", 1, 1], ["$\\bar u = \\bar f\\, v$", v, v],
                 ["$\\bar v = \\bar f\\, u$", u, u],
                 ["$\\bar y = \\bar u\\, x + \\bar v$", value, value]]
        header = ["adjoint", "value", "running total"]
    part = Part("derivative", "number", value, label=f"$\\partial f/\\partial {wrt}$",
                mistakes=(
                    Mistake("one-path", v * x.subs(at) if mode == "reverse" else v * a,
                            "y (or x) reaches f along more than one path: add the adjoints "
                            "(tangents) of every path."),
                    Mistake("value", f.subs(at), "That is the value of f, not its derivative."),
                ))
    steps = (f"Intermediate values at $(x, y) = ({p}, {q})$: $u = {sp.latex(u)}$, "
             f"$v = {sp.latex(v)}$.", table(header, trace),
             f"The {mode}-mode engine gives ${engine:g}$.")
    prompt = (f"Let $u = xy + {a}x$, $v = y + {b}$ and $f = uv$. Using {mode}-mode automatic "
              f"differentiation by hand, find $\\partial f/\\partial {wrt}$ at "
              f"$(x, y) = ({p}, {q})$.")
    hints = ("Forward mode carries (value, derivative) pairs from the inputs to $f$.",
             "Reverse mode starts from $\\bar f = 1$ and sends adjoints back along every edge.")
    return Question(prompt, (part,), Solution(steps, {"derivative": sp.Float(engine, 15)}),
                    hints, {"a": a, "b": b, "x": p, "y": q, "mode": mode})


TEMPLATE = Template(
    slug="autodiff-by-hand", title="Automatic differentiation by hand", module=0,
    topic="automatic differentiation", quizzes=("beyond-autodiff",),
    skills=("forward mode", "reverse mode", "chain rule"), build=build)
