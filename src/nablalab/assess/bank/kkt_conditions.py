"""An inequality constraint: active or not, the minimiser and its KKT multiplier."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ._multivariate import x, y


def build(rng: Rng) -> Question:
    p, q = rng.integer(-3, 4), rng.integer(-3, 4)
    c = rng.integer(-2, 5)
    excess = p + q - c
    centre = sp.Matrix([p, q])
    if excess > 0:  # the unconstrained minimum breaks the fence: the constraint is active
        point, mu = centre - sp.Rational(excess, 2) * sp.Matrix([1, 1]), sp.Integer(excess)
    else:
        point, mu = centre, sp.Integer(0)
    gradient = 2 * (point - centre)
    parts = (
        Part("point", "vector", point, label="the minimiser $[x, y]$", mistakes=(
            Mistake("ignored-fence", centre, f"(p, q) = ({p}, {q}) has x + y = {p + q} > {c}: "
                    "it is not allowed, so the constraint is active."),
            Mistake("on-fence-anyway", centre - sp.Rational(excess, 2) * sp.Matrix([1, 1]),
                    "The unconstrained minimum is already allowed: the constraint is "
                    "inactive and changes nothing."),
        )),
        Part("mu", "number", mu, label="the multiplier $\\mu$", mistakes=(
            Mistake("sign", -mu, "With h ≤ 0 and ∇f + μ∇h = 0, a minimum needs μ ≥ 0."),)),
    )
    if excess > 0:
        steps = (f"Inactive case: $\\nabla f = 0$ at $({p}, {q})$, but there "
                 f"$x + y = {p + q} > {c}$: not allowed.",
                 f"Active case, $x + y = {c}$: stationarity ${sp.latex(2 * (x - p))} + \\mu = 0$, "
                 f"${sp.latex(2 * (y - q))} + \\mu = 0$ gives $x - y = {p - q}$, so the point is "
                 f"$({sp.latex(point[0])}, {sp.latex(point[1])})$.",
                 f"There $\\nabla f = ({sp.latex(gradient[0])}, {sp.latex(gradient[1])})$, so "
                 f"$\\mu = {sp.latex(mu)} \\ge 0$: every KKT condition holds.")
    else:
        steps = (f"Inactive case: $\\nabla f = 0$ at $({p}, {q})$, and there "
                 f"$x + y = {p + q} \\le {c}$: allowed.",
                 "So the constraint is inactive, $\\mu = 0$ (complementary slackness).")
    prompt = (f"Minimise $f(x, y) = {sp.latex((x - p) ** 2 + (y - q) ** 2)}$ subject to "
              f"$x + y \\le {c}$, written $h = {sp.latex(x + y - c)} \\le 0$. Give the "
              "minimiser and the KKT multiplier $\\mu$ in $\\nabla f + \\mu \\nabla h = 0$.")
    hints = ("Try the inactive case first: is the unconstrained minimum allowed?",
             "If not, the constraint is active: minimise on the line $x + y = c$.")
    return Question(prompt, parts, Solution(steps, {"point": point, "mu": mu}), hints,
                    {"p": p, "q": q, "c": c})


TEMPLATE = Template(
    slug="kkt-conditions", title="Inequality constraints (KKT)", module=0,
    topic="lagrange multipliers", quizzes=("beyond-lagrange",),
    skills=("kkt conditions", "inequality constraint"), build=build)
