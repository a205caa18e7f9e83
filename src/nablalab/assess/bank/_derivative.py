"""The shared shape of "differentiate this" questions: an expression part (or a number at a
point) checked against SymPy's derivative, solved by the calculus step engine."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sympy as sp

from nablalab.calculus import differentiate
from nablalab.mathinput import latex, symbol

from ..questions import Mistake, Part, Question, Solution
from ..questions.worked import derivation

x = symbol("x")


def derivative_question(
    f: sp.Expr, *, var: sp.Symbol = x, order: int = 1, prompt: str | None = None,
    mistakes: Sequence[Mistake] = (), hints: Sequence[str] = (),
    parameters: dict[str, Any] | None = None,
) -> Question:
    """Ask for the ``order``-th derivative of f; the reference is SymPy's, the worked
    solution the step engine's (so the two are independent)."""
    names = tuple(sorted(s.name for s in f.free_symbols | {var}))
    nth = {1: "", 2: "second "}.get(order, f"order-{order} ")
    prompt = prompt or (f"Find the {nth}derivative of $f({var}) = {latex(f)}$ with respect "
                        f"to ${var}$.")
    worked = differentiate(f, wrt=var, order=order)
    expected = sp.diff(f, var, order)
    options = {"diagnose_derivative_of": f, "wrt": var.name} if order == 1 else {}
    part = Part("derivative", "expression", expected, label=f"$f{chr(39) * order}({var})$",
                variables=names, options=options, mistakes=tuple(mistakes))
    return Question(prompt, (part,), Solution((derivation(worked),), {"derivative":
                                                                     worked.result}),
                    tuple(hints), parameters or {"f": f})


def derivative_value_question(
    f: sp.Expr, at: sp.Expr, *, var: sp.Symbol = x, prompt: str | None = None,
    mistakes: Sequence[Mistake] = (), hints: Sequence[str] = (),
    parameters: dict[str, Any] | None = None, decimal_places: int | None = None,
) -> Question:
    """Ask for f'(a) as a number (exact, or to ``decimal_places``)."""
    prompt = prompt or (f"Let $f({var}) = {latex(f)}$. Evaluate $f'({latex(at)})$.")
    worked = differentiate(f, wrt=var, at={var: at})
    expected = sp.simplify(sp.diff(f, var).subs(var, at))
    options = {} if decimal_places is None else {"decimal_places": decimal_places}
    part = Part("value", "number", expected, label=f"$f'({latex(at)})$", options=options,
                mistakes=tuple(mistakes))
    return Question(prompt, (part,), Solution((derivation(worked),), {"value": worked.value}),
                    tuple(hints), parameters or {"f": f, "a": at})
