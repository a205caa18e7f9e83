"""Reverse mode on a small graph: the adjoint of an intermediate node and of an input that
reaches the output along two paths."""

from __future__ import annotations

import sympy as sp

from nablalab.numeric.autodiff import Tensor

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ..questions.worked import table
from ._multivariate import x, y


def build(rng: Rng) -> Question:
    b = rng.integer(1, 3)
    p, q = rng.integer(-2, 2, nonzero=True), rng.integer(-2, 2, nonzero=True)
    u_node = x + b * y
    u = u_node.subs({x: p, y: q})
    u_bar = 2 * u + p  # f depends on u through v and through w
    x_bar = u_bar + u  # x reaches f through u and directly through w
    tx, ty = Tensor(float(p), requires_grad=True), Tensor(float(q), requires_grad=True)
    tu = tx + b * ty
    out = tu**2 + tx * tu
    out.backward()
    one = sp.Integer(1)
    rows = [["$\\bar f$", one, "start"], ["$\\bar v$, $\\bar w$", one, "$f = v + w$"],
            ["$\\bar u$", u_bar, "$\\bar v \\cdot 2u + \\bar w \\cdot x$"],
            ["$\\bar x$", x_bar, "$\\bar u \\cdot 1 + \\bar w \\cdot u$"],
            ["$\\bar y$", b * u_bar, f"$\\bar u \\cdot {b}$"]]
    parts = (
        Part("u_bar", "number", u_bar, label="$\\bar u$", mistakes=(
            Mistake("one-path-u", 2 * u, "u reaches f through v and through w: add both "
                    "contributions."),)),
        Part("x_bar", "number", x_bar, label="$\\bar x$", mistakes=(
            Mistake("one-path-x", u_bar, "x also feeds w = xu directly: add w̄·u."),
            Mistake("direct-only", u, "x also reaches f through u: add ū·1."),
        )),
    )
    steps = (f"Forward pass at $(x, y) = ({p}, {q})$: $u = {u}$, $v = {u**2}$, $w = {p * u}$.",
             table(["adjoint", "value", "rule"], rows),
             f"The engine's backward pass: $\\bar x = {float(tx.grad):g}$, "
             f"$\\bar y = {float(ty.grad):g}$.")
    prompt = (f"A program computes $u = {sp.latex(u_node)}$, $v = u^2$, $w = x\\,u$ and "
              f"$f = v + w$. At $(x, y) = ({p}, {q})$, run reverse mode by hand: find the adjoints "
              "$\\bar u = \\partial f/\\partial u$ and $\\bar x = \\partial f/\\partial x$.")
    hints = ("Start from $\\bar f = 1$ and go backwards through the graph.",
             "Where a node feeds several operations, add the adjoints coming back along each.")
    return Question(prompt, parts, Solution(steps, {"u_bar": u_bar, "x_bar": x_bar}), hints,
                    {"b": b, "x": p, "y": q})


TEMPLATE = Template(
    slug="reverse-adjoint", title="Adjoints on a computational graph", module=0,
    topic="automatic differentiation", quizzes=("beyond-autodiff",),
    skills=("reverse mode", "computational graph", "chain rule"), build=build)
