"""Setting up Lagrange multipliers: DL(x, y, λ) = [f_x − λ g_x, f_y − λ g_y, −g]."""

from __future__ import annotations

import sympy as sp

from nablalab.mathinput import symbol
from nablalab.optimize import lagrange_system

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ._multivariate import x, y

lam = symbol("lambda")


def build(rng: Rng) -> Question:
    a, b = rng.integer(1, 4), rng.integer(-3, 3, nonzero=True)
    f = rng.choice([a * x + b * y, x * y, x**2 + b * y, sp.exp(x - y)])
    g = rng.choice([x**2 + y**2 - a, x**2 + 3 * (y + 1) ** 2 - 1, x + y**2 - a])
    system = lagrange_system(f, [g], ["x", "y"])
    engine = [e.subs(system.multipliers[0], lam) for e in system.equations]
    grad_f = [sp.diff(f, v) for v in (x, y)]
    grad_g = [sp.diff(g, v) for v in (x, y)]
    expected = sp.Matrix([grad_f[0] - lam * grad_g[0], grad_f[1] - lam * grad_g[1], -g])
    part = Part("dl", "vector", expected, label="$\\nabla L$", variables=("x", "y", "lambda"),
                mistakes=(
                    Mistake("lambda-sign", sp.Matrix([grad_f[0] + lam * grad_g[0],
                                                      grad_f[1] + lam * grad_g[1], -g]),
                            "With L = f - λg the gradient terms are f_x - λ g_x: check the sign "
                            "of λ."),
                    Mistake("constraint-sign", sp.Matrix([*expected[:2], g]),
                            "The last entry is ∂L/∂λ = -g."),
                    Mistake("no-constraint", sp.Matrix([*expected[:2], 0]),
                            "The last entry is ∂L/∂λ = -g; it enforces the constraint."),
                ))
    lagrangian = system.lagrangian.subs(system.multipliers[0], lam)
    steps = (f"$L(x, y, \\lambda) = {sp.latex(lagrangian)}$.",
             "Differentiate $L$ with respect to $x$, $y$ and $\\lambda$: $\\nabla L = " +
             sp.latex(sp.Matrix(engine)) + "$.")
    prompt = (f"Maximise $f(x, y) = {sp.latex(f)}$ subject to $g(x, y) = {sp.latex(g)} = 0$. "
              "With $L = f - \\lambda g$, write $\\nabla L = [\\partial L/\\partial x, "
              "\\partial L/\\partial y, \\partial L/\\partial \\lambda]$ (type lambda).")
    hints = ("$\\partial L/\\partial x = f_x - \\lambda g_x$, and similarly for $y$.",
             "$\\partial L/\\partial \\lambda = -g$.")
    return Question(prompt, (part,), Solution(steps, {"dl": sp.Matrix(engine)}), hints,
                    {"f": f, "g": g})


TEMPLATE = Template(
    slug="lagrange-system", title="Lagrange multipliers: the system", module=5,
    topic="lagrange multipliers", quizzes=("m5-practice-lagrange",),
    skills=("lagrange system",), build=build)
