"""Callables for the solvers, from what the caller has: functions, SymPy or learner text.

A SymPy expression (or text through the safe parser) gives exact derivatives by
differentiation, turned into fast NumPy functions with lambdify; callables are used as
they are, and a missing derivative is an error that says which one to supply.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import sympy as sp

from nablalab.mathinput.coerce import ExprLike, as_expression

Vector = np.ndarray
ScalarFunction = Callable[[Vector], float]
VectorFunction = Callable[[Vector], Vector]
MatrixFunction = Callable[[Vector], np.ndarray]


@dataclass(frozen=True)
class Objective:
    """f, its gradient J and Hessian H as functions of a 1-D array."""

    fun: ScalarFunction
    jac: VectorFunction | None
    hess: MatrixFunction | None
    expression: sp.Expr | None = None
    variables: tuple[sp.Symbol, ...] = ()

    def require(self, *names: str) -> None:
        missing = [name for name in names if getattr(self, name) is None]
        if missing:
            raise ValueError(
                f"this method needs the {' and '.join(missing)} of f: pass "
                f"{', '.join(f'{m}=...' for m in missing)} or give f as an expression"
            )


def objective(
    f: ExprLike | ScalarFunction, jac: VectorFunction | None = None,
    hess: MatrixFunction | None = None, variables: Sequence[sp.Symbol | str] | None = None,
) -> Objective:
    """An Objective from callables, or from an expression differentiated exactly."""
    if callable(f) and not isinstance(f, sp.Basic):
        return Objective(
            lambda x: float(f(np.asarray(x, dtype=float))),
            None if jac is None else lambda x: np.asarray(jac(x), dtype=float).reshape(-1),
            None if hess is None else lambda x: np.atleast_2d(np.asarray(hess(x), dtype=float)),
        )
    expr, xs = as_expression(f, variables)
    gradient = [sp.diff(expr, x) for x in xs]
    hessian = sp.hessian(expr, xs)
    return Objective(
        _scalar(expr, xs), _vector(gradient, xs), _matrix(hessian, xs), expr, xs,
    )


def vector_field(
    F: Sequence[ExprLike] | VectorFunction, jac: MatrixFunction | None = None,
    variables: Sequence[sp.Symbol | str] | None = None,
) -> tuple[VectorFunction, MatrixFunction]:
    """F and its Jacobian matrix, for Newton's method on a system F(x) = 0."""
    if callable(F):
        if jac is None:
            raise ValueError("Newton's method needs the Jacobian of F: pass jac=... "
                             "or give F as a list of expressions")
        return (lambda x: np.atleast_1d(np.asarray(F(x), dtype=float)),
                lambda x: np.atleast_2d(np.asarray(jac(x), dtype=float)))
    exprs, xs = as_system(F, variables)
    return _vector(exprs, xs), _matrix(sp.Matrix(exprs).jacobian(xs), xs)


def as_system(
    F: Sequence[ExprLike], variables: Sequence[sp.Symbol | str] | None = None
) -> tuple[list[sp.Expr], tuple[sp.Symbol, ...]]:
    """Several expressions over one shared, ordered list of real variables."""
    if variables is None:
        variables = sorted({s.name for c in F for s in as_expression(c)[1]})
    names = [str(v) for v in variables]
    exprs = [as_expression(component, names)[0] for component in F]
    return exprs, tuple(sp.Symbol(name, real=True) for name in names)


def _scalar(expr: sp.Expr, xs: Sequence[sp.Symbol]) -> ScalarFunction:
    compiled = sp.lambdify([xs], expr, "numpy")
    return lambda x: float(compiled(np.asarray(x, dtype=float)))


def _vector(exprs: Sequence[sp.Expr], xs: Sequence[sp.Symbol]) -> VectorFunction:
    compiled = sp.lambdify([xs], list(exprs), "numpy")
    return lambda x: np.array(compiled(np.asarray(x, dtype=float)), dtype=float).reshape(-1)


def _matrix(matrix: sp.Matrix, xs: Sequence[sp.Symbol]) -> MatrixFunction:
    compiled = sp.lambdify([xs], matrix.tolist(), "numpy")
    shape = matrix.shape
    return lambda x: np.array(compiled(np.asarray(x, dtype=float)), dtype=float).reshape(shape)
