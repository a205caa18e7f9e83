"""The height-data assignment: ∂f/∂μ or ∂f/∂σ of the Gaussian model."""

from __future__ import annotations

import sympy as sp

from nablalab.mathinput import symbol

from ..questions import Mistake, Question, Rng, Template
from ._derivative import derivative_question

x, mu, sigma = symbol("x"), symbol("mu"), symbol("sigma")


def build(rng: Rng) -> Question:
    f = sp.exp(-(x - mu) ** 2 / (2 * sigma**2)) / (sp.sqrt(2 * sp.pi) * sigma)
    var = rng.choice([mu, sigma])
    right = sp.diff(f, var)
    mistakes = [Mistake("wrt-x", sp.diff(f, x),
                        f"Differentiate with respect to the parameter {var}, not x.")]
    if var == mu:
        mistakes.append(Mistake("inner-sign", -right,
                                "d/dμ of -(x - μ)^2 is +2(x - μ): check the sign."))
    else:
        mistakes.append(Mistake("prefactor", right + f / sigma,
                                "The prefactor 1/σ depends on σ too: use the product rule."))
    return derivative_question(
        f, var=var, prompt=f"The height data are fitted with the Gaussian $f(x; \\mu, \\sigma) "
        f"= {sp.latex(f)}$. Find $\\partial f/\\partial {sp.latex(var)}$ (type mu, sigma).",
        mistakes=mistakes,
        hints=["Chain rule on the exponential: multiply by the derivative of its exponent.",
               "For $\\sigma$, the factor $1/\\sigma$ in front also varies."],
        parameters={"wrt": var.name})


TEMPLATE = Template(
    slug="gaussian-partial", title="Partial derivatives of a Gaussian model", module=6,
    topic="regression", quizzes=("m6-assignment-height-data", "m6-practice-nonlinear-fitting"),
    skills=("least-squares jacobian", "chain rule", "partial derivative"), build=build)
