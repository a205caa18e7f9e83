"""Turn what a caller hands us (SymPy objects or learner text) into real-variable SymPy.

``to_sympy`` and ``free_variables`` are the one way in for every engine (the calculus engine
adds plain numbers and its own messages on top). Variables are replaced by symbols declared
real: |x| then differentiates to sign(x) rather than a complex-analysis formula, and "is this
value real?" has a definite answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import sympy as sp

from nablalab.mathinput import parse  # learner text is never sympified
from nablalab.mathinput.printing import latex, plain_text

ExprLike = sp.Expr | str
PointLike = sp.Expr | str | int | float


def to_sympy(value: str | sp.Basic,
             variables: Sequence[sp.Symbol | str] | None = None) -> sp.Basic:
    """Learner text read by the safe parser (with ``variables`` the only names allowed), or a
    SymPy object as it is: text is never sympified."""
    if isinstance(value, str):
        return parse(value, variables=variables).expr
    if isinstance(value, sp.Basic):
        return value
    raise TypeError(f"expected a SymPy expression or text, got {type(value).__name__}")


def free_variables(exprs: Iterable[sp.Basic]) -> tuple[sp.Symbol, ...]:
    """Every free symbol of the expressions, sorted by name: the variables when none are
    named, in an order that does not depend on how the expressions were written."""
    found = set().union(*(expr.free_symbols for expr in exprs))
    return tuple(sorted(found, key=lambda s: s.name))


def as_expression(
    function: ExprLike, variables: Sequence[sp.Symbol | str] | None = None
) -> tuple[sp.Expr, tuple[sp.Symbol, ...]]:
    """The expression and its variables (all real symbols), in the order given.

    Without ``variables`` the expression's free symbols are used, sorted by name. Every free
    symbol must be a variable: engines here need numbers, not parameters.
    """
    names = None if variables is None else [str(v) for v in variables]
    expr = to_sympy(function, names)
    if names is None:
        names = [s.name for s in free_variables([expr])]
    real = {name: sp.Symbol(name, real=True) for name in names}
    expr = expr.xreplace({s: real[s.name] for s in expr.free_symbols if s.name in real})
    extra = sorted(s.name for s in expr.free_symbols if s.name not in real)
    if extra:
        raise ValueError(
            f"{', '.join(extra)} {'is' if len(extra) == 1 else 'are'} not among the variables "
            f"({', '.join(names) or 'none'}): give numbers for constants, or list them as variables"
        )
    return expr, tuple(real[name] for name in names)


def as_number(value: PointLike) -> sp.Expr:
    """An exact real number: floats become the rational they print as (0.1 -> 1/10)."""
    if isinstance(value, str):
        number = parse(value, variables=[]).expr
    elif isinstance(value, float):
        number = sp.Rational(repr(value))
    else:
        number = sp.sympify(value)  # only ever numbers or SymPy objects here, never text
    if number.free_symbols or number.is_real is not True:
        raise ValueError(f"{value} is not a real number: expansion points must be real")
    return number


def as_point(values: PointLike | Sequence[PointLike], dimension: int) -> tuple[sp.Expr, ...]:
    """A point with one real coordinate per variable."""
    coords = [values] if dimension == 1 and not isinstance(values, list | tuple) else values
    if not isinstance(coords, list | tuple) or len(coords) != dimension:
        raise ValueError(f"the point needs {dimension} coordinate(s), one per variable")
    return tuple(as_number(c) for c in coords)


def expr_dict(expr: sp.Basic) -> dict[str, str]:
    """An expression as JSON: plain text and LaTeX, as the parser shows them."""
    return {"text": plain_text(expr), "latex": latex(expr)}
