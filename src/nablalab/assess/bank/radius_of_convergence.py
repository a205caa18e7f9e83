"""Radius of convergence as the distance to the nearest (possibly complex) singularity."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ._derivative import x


def build(rng: Rng) -> Question:
    c, a = rng.integer(1, 4), rng.integer(-2, 2)
    shape = rng.choice(["pole", "log", "complex"])
    if shape == "pole":
        c += 2 if c == a else 0  # no series about the pole itself
        f, singular, radius = 1 / (c - x), [sp.Integer(c)], sp.Integer(abs(c - a))
    elif shape == "log":
        c = max(c, abs(a) + 1)  # the expansion point must lie in the domain x > -c
        f, singular, radius = sp.log(c + x), [sp.Integer(-c)], sp.Integer(a + c)
    else:
        f, singular = 1 / (x**2 + c**2), [sp.I * c, -sp.I * c]
        radius = sp.sqrt(a**2 + c**2)
    mistakes = [Mistake("from-origin", min(abs(s) for s in singular),
                        "Measure the distance from the expansion point, not from 0.")]
    if shape == "complex":
        mistakes.append(Mistake("real-part", sp.Integer(abs(a)), "The singularities are "
                                f"at ±{c}i, off the real line: use the distance in the "
                                "complex plane, sqrt(a^2 + c^2)."))
    part = Part("radius", "number", radius, label="$R$", mistakes=tuple(mistakes))
    where = ", ".join(f"${sp.latex(s)}$" for s in singular)
    steps = (f"$f$ fails to be differentiable at {where} (in the complex plane).",
             f"The series about $a = {a}$ converges out to the nearest of them, at distance "
             f"$R = {sp.latex(radius)}$.")
    prompt = (f"What is the radius of convergence of the Taylor series of "
              f"$f(x) = {sp.latex(f)}$ about $x = {a}$? (Exact, e.g. sqrt(5).)")
    hints = ("The radius is the distance from the expansion point to the nearest point where "
             "$f$ is not differentiable, counting complex points.",
             "$x^2 + c^2 = 0$ at $x = \\pm ci$.")
    return Question(prompt, (part,), Solution(steps, {"radius": radius}), hints,
                    {"f": f, "a": a})


TEMPLATE = Template(
    slug="radius-of-convergence", title="Radius of convergence", module=0,
    topic="taylor series", quizzes=("beyond-taylor",),
    skills=("radius of convergence", "power series"), build=build)
