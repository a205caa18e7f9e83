"""Substitution and integration by parts."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Question, Rng, Template
from ._derivative import x
from ._integral import antiderivative_question


def build(rng: Rng) -> Question:
    a = rng.integer(1, 4)
    method = rng.choice(["substitution", "parts"])
    if method == "substitution":
        f = 2 * a * x * sp.exp(a * x**2)
        mistakes = [Mistake("kept-factor", 2 * a * x * sp.exp(a * x**2),
                            f"With u = {a}x^2, du = {2 * a}x dx absorbs the factor in front: "
                            "the integral is that of e^u."),
                    Mistake("differentiated", sp.diff(f, x), "That is the derivative.")]
        how = f"Substitute $u = {a}x^2$, $du = {2 * a}x\\,dx$: the integral becomes $\\int e^u du$."
    else:
        f = x * sp.exp(a * x)
        big_f = sp.integrate(f, x)
        mistakes = [Mistake("parts-sign", big_f + 2 * sp.exp(a * x) / a**2,
                            "Parts: ∫ u dv = uv - ∫ v du: the second term is subtracted."),
                    Mistake("product-of-integrals", x**2 / 2 * sp.exp(a * x) / a,
                            "The integral of a product is not the product of the integrals.")]
        how = (f"By parts with $u = x$, $dv = e^{{{a}x}} dx$: $\\int u\\,dv = uv - \\int v\\,du$.")
    return antiderivative_question(
        f, f"Find an antiderivative of $f(x) = {sp.latex(f)}$.", mistakes,
        ["Is one factor (nearly) the derivative of something inside the other? Substitute.",
         "Otherwise, integrate by parts: $\\int u\\,dv = uv - \\int v\\,du$."], how,
        {"a": a, "method": method})


TEMPLATE = Template(
    slug="integration-techniques", title="Substitution and integration by parts", module=0,
    topic="integration", quizzes=("beyond-integration",),
    skills=("substitution", "integration by parts", "antiderivative"), build=build)
