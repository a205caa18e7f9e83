"""Turning what a learner (or a caller) passed into SymPy objects, with helpful errors.

Text and SymPy objects are read as every engine reads them (``nablalab.mathinput.coerce``:
text through the safe parser, SymPy objects as they are); this module adds plain numbers,
vectors, points and the calculus engine's own messages. Variables are matched by name, so a
caller's ``Symbol("x")`` and the parser's real ``x`` are the same variable.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import sympy as sp

from nablalab.calculus.errors import CalculusError
from nablalab.mathinput import coerce, parse

ExprLike = str | sp.Basic | int | float


def to_sympy(value: ExprLike, variables: Sequence[str] | None = None) -> sp.Basic:
    """A SymPy object for learner text, a SymPy object or a plain number."""
    if isinstance(value, str | sp.Basic):
        return coerce.to_sympy(value, variables)
    if isinstance(value, bool):
        raise CalculusError(f"{value!r} is not a mathematical expression")
    if isinstance(value, int):
        return sp.Integer(value)
    if isinstance(value, float):
        return sp.Float(value)
    raise CalculusError(f"cannot read {value!r} as an expression",
                        hint="Pass text such as 'x^2 + 1' or a SymPy expression.")


def to_scalar(value: ExprLike, variables: Sequence[str] | None = None) -> sp.Expr:
    """A single expression; vectors and equations are refused with the command to use."""
    expr = to_sympy(value, variables)
    if isinstance(expr, sp.MatrixBase):
        raise CalculusError("this is a vector or matrix, not a single expression",
                            hint="Use the Jacobian for a vector function.")
    if not isinstance(expr, sp.Expr):
        raise CalculusError(f"'{expr}' is not an expression to differentiate",
                            hint="Type only the function, e.g. x^2 + 1 rather than y = x^2 + 1.")
    return expr


def to_vector(value: ExprLike | Sequence[ExprLike],
              variables: Sequence[str] | None = None) -> list[sp.Expr]:
    """The components of a vector function: text '[f1, f2]', a list, or a SymPy Matrix."""
    if isinstance(value, list | tuple):
        return [to_scalar(item, variables) for item in value]
    expr = to_sympy(value, variables)
    if isinstance(expr, sp.MatrixBase):
        return list(expr)
    return [to_scalar(expr)]


def variable(name: str | sp.Symbol, near: Iterable[sp.Basic] = ()) -> sp.Symbol:
    """The symbol called ``name``: the one in the expressions if present, else the parser's."""
    text = name.name if isinstance(name, sp.Symbol) else str(name).strip()
    for expr in near:
        for symbol in expr.free_symbols:
            if symbol.name == text:
                return symbol
    parsed = parse(text).expr if text else None
    if not isinstance(parsed, sp.Symbol):
        raise CalculusError(f"'{text}' is not a variable name",
                            hint="Name a variable such as x, y or t.")
    return parsed


def variables_of(names: str | Sequence[str | sp.Symbol] | None,
                 exprs: Sequence[sp.Basic]) -> tuple[sp.Symbol, ...]:
    """The variables asked for (a list or 'x,y'), or every free symbol sorted by name."""
    if names is None:
        return coerce.free_variables(exprs)
    if isinstance(names, str | sp.Symbol):
        names = split_names(names) if isinstance(names, str) else [names]
    chosen = tuple(variable(n, exprs) for n in names)
    if len(set(chosen)) != len(chosen):
        raise CalculusError("a variable is listed twice", hint="List each variable once.")
    return chosen


def split_names(text: str) -> list[str]:
    """'x, y' or 'x y' -> ['x', 'y']."""
    return [n for n in text.replace(",", " ").split() if n]


def point(at: str | Mapping[Any, ExprLike] | Sequence[ExprLike] | None,
          variables: Sequence[sp.Symbol]) -> dict[sp.Symbol, sp.Expr] | None:
    """Where to evaluate: 'x=1, y=pi/2', {'x': 1}, or values in the order of ``variables``."""
    if at is None:
        return None
    if isinstance(at, str):
        at = _split_assignments(at)
    if isinstance(at, Mapping):
        pairs = [(variable(k, [sp.Tuple(*variables)]), v) for k, v in at.items()]
    else:
        if len(at) != len(variables):
            raise CalculusError(
                f"the point has {len(at)} coordinates but there are {len(variables)} variables",
                hint=f"Give one value for each of {', '.join(map(str, variables))}.")
        pairs = list(zip(variables, at, strict=True))
    values = {}
    for symbol, raw in pairs:
        value = to_sympy(raw, variables=[])
        if not isinstance(value, sp.Expr) or value.free_symbols:
            raise CalculusError(f"the value given for {symbol} is not a number",
                                hint="Use numbers or constants, e.g. x=1 or x=pi/2.")
        values[symbol] = value
    missing = [str(v) for v in variables if v not in values]
    if missing:
        raise CalculusError(f"no value given for {', '.join(missing)}",
                            hint="Give a value for every variable, e.g. x=1,y=2.")
    return values


def _split_assignments(text: str) -> dict[str, str]:
    """'x=1, y=atan(1)' -> {'x': '1', 'y': 'atan(1)'}; commas inside brackets are kept."""
    parts, depth, current = [], 0, []
    for char in text:
        depth += char in "(["
        depth -= char in ")]"
        if char == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    assignments = {}
    for part in parts:
        name, sep, value = part.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise CalculusError(f"cannot read the point '{text}'",
                                hint="Write it as x=1 or x=1,y=2.")
        assignments[name.strip()] = value.strip()
    return assignments
