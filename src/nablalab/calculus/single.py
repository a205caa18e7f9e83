"""``differentiate``: one expression, any order, any sequence of variables, with steps."""

from __future__ import annotations

from collections.abc import Sequence

import sympy as sp

from nablalab.calculus import inputs
from nablalab.calculus.errors import CalculusError
from nablalab.calculus.inputs import ExprLike
from nablalab.calculus.notation import plain
from nablalab.calculus.results import CalculusResult, decimal
from nablalab.calculus.rules import Derivation, derive
from nablalab.calculus.simplification import tidy
from nablalab.calculus.steps import Step

MAX_ORDER = 20
_ORDINALS = ("First", "Second", "Third", "Fourth", "Fifth")


def differentiate(
    text_or_expr: ExprLike,
    wrt: str | sp.Symbol | Sequence[str | sp.Symbol] | None = None,
    order: int = 1,
    at: str | dict | Sequence | None = None,
    variables: Sequence[str] | None = None,
) -> CalculusResult:
    """The derivative of learner text or a SymPy expression, explained step by step.

    ``wrt`` names the variable (needed when there are several), or a sequence such as
    ``["x", "y"]`` for a mixed derivative; ``order`` repeats a single variable; ``at``
    evaluates the derivative at a point ('x=1', {'x': 1}).
    """
    expr = inputs.to_scalar(text_or_expr, variables)
    sequence = _sequence(expr, wrt, order)
    everything = expr.free_symbols | set(sequence)
    ctx = new_derivation(everything, sequence[0], partial=len(everything) > 1)
    steps: list[Step] = []
    current = expr
    for index, var in enumerate(sequence):
        stage_steps, derivative = derivative_stage(current, var, ctx)
        if len(sequence) == 1 and not ctx.partial:
            steps.extend(stage_steps)
        else:
            text = _stage_sentence(index, var, everything - {var}, ctx.partial)
            rule = "partial derivative" if ctx.partial else "derivative"
            steps.append(Step(rule, current, derivative, text, stage_steps))
        current = derivative
    result = CalculusResult("derivative", expr, current, steps)
    result.extra["wrt"] = [str(v) for v in sequence]
    evaluate(result, inputs.point(at, sorted(expr.free_symbols, key=str)))
    return result


def new_derivation(symbols: set[sp.Symbol], var: sp.Symbol, partial: bool) -> Derivation:
    return Derivation(var=var, partial=partial, taken_names=frozenset(s.name for s in symbols))


def derivative_stage(expr: sp.Expr, var: sp.Symbol, ctx: Derivation) -> tuple[list[Step], sp.Expr]:
    """One differentiation: the rule tree, then a simplification step if it changes the form."""
    ctx.var = var
    root = derive(expr, ctx)
    simplified = tidy(root.result)
    steps = ctx.visible([root])
    if simplified != root.result:
        steps.append(Step("simplify", root.result, simplified,
                          f"Simplify: {plain(root.result)} = {plain(simplified)}."))
    return steps, simplified


def evaluate(result: CalculusResult, point: dict[sp.Symbol, sp.Expr] | None) -> None:
    """Fill in the exact and decimal value at ``point`` and add the substitution step."""
    if point is None:
        return
    value = result.result.xreplace(point)
    value = value.applyfunc(sp.simplify) if isinstance(value, sp.MatrixBase) else sp.simplify(value)
    where = ", ".join(f"{k} = {plain(v)}" for k, v in point.items())
    approx = decimal(value)
    if approx is None and not isinstance(value, sp.MatrixBase):
        text = f"Substitute {where}: the result is {plain(value)}, not a real number here."
    else:
        text = f"Substitute {where}: the result is {plain(value)} ≈ {_rounded(approx)}."
    result.point, result.value = point, value
    result.steps.append(Step("evaluate", result.result, value, text))


def _rounded(approx: object) -> str:
    if isinstance(approx, list):
        return "[" + ", ".join(_rounded(a) for a in approx) + "]"
    return "undefined" if approx is None else f"{approx:.6g}"


def _sequence(expr: sp.Expr, wrt: object, order: int) -> list[sp.Symbol]:
    if isinstance(order, bool) or not isinstance(order, int) or not 1 <= order <= MAX_ORDER:
        raise CalculusError(f"the order must be a whole number from 1 to {MAX_ORDER}",
                            hint="For a second derivative use order=2.")
    if wrt is None:
        free = sorted(expr.free_symbols, key=str)
        if len(free) != 1:
            found = ", ".join(map(str, free)) if free else "no variable"
            raise CalculusError(
                f"this expression has {found}, so say which variable to differentiate with "
                "respect to", hint="Pass wrt, e.g. wrt='x' (on the command line: --wrt x).")
        return free * order
    names = inputs.variables_of(wrt, [expr])
    if len(names) > 1 and order != 1:
        raise CalculusError("give either a list of variables or an order, not both",
                            hint="For ∂²f/∂x² use wrt='x', order=2; for ∂²f/∂y∂x wrt='x,y'.")
    return list(names) * order


def _stage_sentence(index: int, var: sp.Symbol, others: set[sp.Symbol], partial: bool) -> str:
    ordinal = _ORDINALS[index] if index < len(_ORDINALS) else f"{index + 1}th"
    what = "the function" if index == 0 else "the previous result"
    text = f"{ordinal} derivative: differentiate {what} with respect to {var}"
    if partial and others:
        names = ", ".join(sorted(map(str, others)))
        text += f", holding {names} constant (a partial derivative)"
    return text + "."
