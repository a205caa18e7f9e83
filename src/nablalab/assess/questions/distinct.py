"""Dropping mistakes that are not mistakes for this variant.

Random parameters can make a typical wrong answer coincide with the right one (forgetting
an inner derivative of 1 changes nothing) or with another mistake; such a mistake would be
marked correct, or show another mistake's feedback, so it is dropped. Sameness follows the
checker's own policy: expressions through ``compare`` (equal where both are defined),
numbers within the part's tolerance, vectors and matrices entry by entry.
"""

from __future__ import annotations

from collections.abc import Sequence

import sympy as sp

from nablalab.mathinput import symbol

from ..equivalence import compare
from ..kinds.equation import equivalent_equations
from .parts import Mistake, Part, Value

EXPRESSION_KINDS = ("expression", "vector", "matrix")


def distinct_mistakes(part: Part) -> tuple[Mistake, ...]:
    """The part's mistakes that differ from its answer and from every earlier mistake."""
    kept: list[Mistake] = []
    for mistake in part.mistakes:
        if not any(same(part, other, mistake.value) for other in [part.answer] +
                   [m.value for m in kept]):
            kept.append(mistake)
    return tuple(kept)


def same(part: Part, first: Value, second: Value) -> bool:
    """Whether the checker could not tell ``first`` from ``second`` in this part."""
    kind = part.kind
    if kind == "choice":
        return _keys(first) == _keys(second) or (
            isinstance(second, str) and second.strip().casefold() in _keys(first))
    if kind == "number":
        return abs(float(sp.N(first) - sp.N(second))) <= 2 * _width(part, float(sp.N(first)))
    if kind == "points":
        return _same_points(first, second, part)
    variables = _symbols(part, first, second)
    if kind == "equation":
        return equivalent_equations(first.lhs - first.rhs, second.lhs - second.rhs, variables)
    if kind == "antiderivative":
        return all(compare(sp.diff(first, v), sp.diff(second, v), variables).equivalent
                   for v in variables)
    a, b = (sp.Matrix([v]) if kind == "expression" else sp.Matrix(v) for v in (first, second))
    if kind == "vector":
        a, b = a.reshape(len(a), 1), b.reshape(len(b), 1)
    return a.shape == b.shape and all(
        compare(a[i], b[i], variables).equivalent for i in range(len(a)))


def _width(part: Part, value: float) -> float:
    options = part.options
    if "decimal_places" in options:
        return 0.5 * 10.0 ** -options["decimal_places"]
    if "significant_figures" in options:
        leading = int(sp.floor(sp.log(abs(value), 10))) if value else 0
        return 0.5 * 10.0 ** (leading - options["significant_figures"] + 1)
    return max(options.get("abs_tol", 1e-12), options.get("rel_tol", 1e-6) * abs(value))


def _keys(value: Value) -> set[str]:
    items = [value] if isinstance(value, str) else value
    return {str(item).strip().casefold() for item in items}


def _symbols(part: Part, *values: Value) -> list[sp.Symbol]:
    if part.variables is not None:
        return [symbol(name) for name in part.variables]
    names: set[str] = set()
    for value in values:
        names |= {s.name for s in sp.sympify(value).free_symbols}
    return [symbol(name) for name in sorted(names)]


def _same_points(first: Sequence, second: Sequence, part: Part) -> bool:
    as_tuples = [[tuple(p) if isinstance(p, Sequence) else (p,) for p in v]
                 for v in (first, second)]
    if len(as_tuples[0]) != len(as_tuples[1]):
        return False
    variables = _symbols(part)

    def equal(p: tuple, q: tuple) -> bool:
        return len(p) == len(q) and all(
            compare(sp.sympify(a), sp.sympify(b), variables).equivalent
            for a, b in zip(p, q, strict=True))

    return all(any(equal(p, q) for q in as_tuples[1]) for p in as_tuples[0])
