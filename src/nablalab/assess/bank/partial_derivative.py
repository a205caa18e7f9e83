"""A partial derivative of a polynomial in three variables."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Question, Rng, Template
from ._derivative import derivative_question
from ._multivariate import x, y, z


def build(rng: Rng) -> Question:
    a, b, c, d = (rng.integer(-6, 6, nonzero=True) for _ in range(4))
    n, m = rng.integer(2, 4), rng.integer(1, 3)
    f = a * x**n * y**m + b * x * z + c * y**2 * z + d * z
    var = rng.choice([x, y, z])
    right = sp.diff(f, var)
    others = [v for v in (x, y, z) if v != var]
    constant_terms = sum(term for term in f.args if not term.has(var))
    return derivative_question(
        f, var=var, prompt=f"Find $\\frac{{\\partial f}}{{\\partial {var}}}$ for "
        f"$f(x, y, z) = {sp.latex(f)}$.",
        mistakes=[
            Mistake("kept-constants", right + constant_terms,
                    f"Terms without {var} are constants for this partial derivative: their "
                    "derivative is 0."),
            Mistake("wrong-variable", sp.diff(f, others[0]),
                    f"That is ∂f/∂{others[0]}; the question asks for ∂f/∂{var}."),
            Mistake("total-derivative", right + sum(sp.diff(f, v) for v in others),
                    f"Only {var} varies; hold the other variables fixed (do not differentiate "
                    "them)."),
        ],
        hints=[f"Treat every variable except ${var}$ as a constant.",
               "Differentiate term by term with the power rule."],
        parameters={"f": f, "var": var.name})


TEMPLATE = Template(
    slug="partial-derivative", title="Partial derivatives", module=2,
    topic="partial derivatives", quizzes=("m2-practice-partial-derivatives",),
    skills=("partial derivative",), build=build)
