"""Integration questions: SymPy integrates, and the calculus step engine checks the result by
differentiating it back (the fundamental theorem as the worked solution's last step)."""

from __future__ import annotations

from collections.abc import Sequence

import sympy as sp

from nablalab.calculus import differentiate

from ..questions import Mistake, Part, Question, Solution
from ..questions.worked import derivation
from ._derivative import x


def antiderivative_question(f: sp.Expr, prompt: str, mistakes: Sequence[Mistake],
                            hints: Sequence[str], method: str, parameters: dict) -> Question:
    big_f = sp.integrate(f, x)
    check = differentiate(big_f)
    part = Part("antiderivative", "antiderivative", big_f, label="$F(x)$", variables=("x",),
                mistakes=tuple(mistakes))
    steps = (method, f"$\\int {sp.latex(f)}\\,dx = {sp.latex(big_f)} + C$.",
             derivation(check, "Check by differentiating: the result must be the integrand."))
    return Question(prompt, (part,), Solution(steps, {"antiderivative": big_f}), tuple(hints),
                    parameters)
