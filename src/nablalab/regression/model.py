"""A SymPy model compiled once into nested closures, then run on any kind of number.

The same tree is evaluated on float arrays (the fit), on forward-mode dual numbers of
``nablalab.numeric`` (the Jacobian) and on mpmath numbers (the final refinement), so the
model the learner typed is the one every stage computes. Each node is one NumPy operation
over all data points at once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import reduce
from typing import Any

import numpy as np
import sympy as sp

from nablalab.numeric.forward import Dual

Evaluator = Callable[[Mapping[str, Any]], Any]


class ModelError(ValueError):
    """A model that cannot be fitted as written (an unsupported function, say)."""


@dataclass(frozen=True)
class Backend:
    """How to compute with one kind of number: its constants and its functions.

    Arithmetic and real powers are the number type's own operators.
    """

    constant: Callable[[sp.Expr], Any]
    functions: Mapping[type, Callable[[Any], Any]]


FUNCTION_NAMES: dict[type, str] = {
    sp.exp: "exp", sp.log: "log", sp.sin: "sin", sp.cos: "cos", sp.tan: "tan",
    sp.atan: "arctan", sp.asin: "arcsin", sp.acos: "arccos",
    sp.sinh: "sinh", sp.cosh: "cosh", sp.tanh: "tanh", sp.Abs: "abs",
}

# NumPy's ufuncs also take nablalab.numeric's Dual numbers (they dispatch to its methods),
# so this one backend computes both the model's values and its Jacobian.
NUMPY = Backend(
    constant=float,
    functions={func: getattr(np, name) for func, name in FUNCTION_NAMES.items()},
)


def compile_expression(expr: sp.Expr, backend: Backend) -> Evaluator:
    """Turn ``expr`` into a function of an environment {symbol name: value}."""
    if not expr.free_symbols:
        value = backend.constant(expr)
        return lambda env: value
    if expr.is_Symbol:
        name = expr.name
        return lambda env: env[name]
    if isinstance(expr, sp.Add):
        terms = [compile_expression(arg, backend) for arg in expr.args]
        return lambda env: reduce(lambda a, b: a + b(env), terms[1:], terms[0](env))
    if isinstance(expr, sp.Mul):
        return _compile_product(expr, backend)
    if isinstance(expr, sp.Pow):
        return _compile_power(expr, backend)
    if expr.func in backend.functions and len(expr.args) == 1:
        function = backend.functions[expr.func]
        argument = compile_expression(expr.args[0], backend)
        return lambda env: function(argument(env))
    supported = ", ".join(sorted(FUNCTION_NAMES.values()))
    raise ModelError(
        f"The model uses {expr.func.__name__}, which fitting cannot differentiate yet; "
        f"use + - * / ^ and {supported}."
    )


def _compile_product(expr: sp.Mul, backend: Backend) -> Evaluator:
    """a·b/c as one division, not a·b·c⁻¹: fewer roundings and cheaper derivatives."""
    numerator, denominator = [], []
    for factor in expr.args:
        if factor.is_Pow and factor.exp.is_Number and factor.exp < 0:
            denominator.append(factor.base ** (-factor.exp))
        else:
            numerator.append(factor)
    top = _compile_factors(numerator, backend)
    if not denominator:
        return top
    bottom = _compile_factors(denominator, backend)
    return lambda env: top(env) / bottom(env)


def _compile_factors(factors: list[sp.Expr], backend: Backend) -> Evaluator:
    if not factors:
        one = backend.constant(sp.Integer(1))
        return lambda env: one
    parts = [compile_expression(factor, backend) for factor in factors]
    return lambda env: reduce(lambda a, b: a * b(env), parts[1:], parts[0](env))


def _compile_power(expr: sp.Pow, backend: Backend) -> Evaluator:
    base, exponent = expr.base, expr.exp
    if exponent.is_Number and exponent < 0:
        positive = _compile_power(sp.Pow(base, -exponent, evaluate=False), backend)
        one = backend.constant(sp.Integer(1))
        return lambda env: one / positive(env)
    if not exponent.free_symbols:
        inner = compile_expression(base, backend)
        if exponent.is_Integer:
            n = int(exponent)
            return lambda env: _integer_power(inner(env), n)
        value = backend.constant(exponent)
        return lambda env: inner(env) ** value
    outer = compile_expression(exponent, backend)
    if not base.free_symbols:  # c^t = exp(t·log c)
        exp = backend.functions[sp.exp]
        log_base = backend.constant(sp.log(base))
        return lambda env: exp(outer(env) * log_base)
    inner = compile_expression(base, backend)
    return lambda env: inner(env) ** outer(env)


def _integer_power(value: Any, n: int) -> Any:
    """xⁿ by repeated squaring with plain products: exact for small n on every backend."""
    result = None
    square = value
    while n:
        if n & 1:
            result = square if result is None else result * square
        n >>= 1
        if n:
            square = square * square
    return result


class Model:
    """y = f(x; β) ready to fit: values and Jacobian ∂f/∂β over all data points at once.

    The Jacobian is forward-mode AD in ONE vectorised pass: parameter βⱼ becomes a Dual
    whose value is a column of n copies of βⱼ and whose tangent is the j-th unit column,
    so the n tangent directions ride along a leading axis and every node costs one NumPy
    operation on an n×m array, rather than n passes (forward) or m passes (reverse).
    """

    def __init__(self, expr: sp.Expr, independent: tuple[str, ...], parameters: tuple[str, ...]):
        self.expr = expr
        self.independent = independent
        self.parameters = parameters
        self._evaluate = compile_expression(expr, NUMPY)
        self._seeds = np.eye(len(parameters))

    def values(self, beta: np.ndarray, data: Mapping[str, np.ndarray], size: int) -> np.ndarray:
        """f at every data point (``size`` of them, even if f ignores x)."""
        env = dict(data)
        env.update(zip(self.parameters, np.asarray(beta, dtype=float), strict=True))
        return np.broadcast_to(self._evaluate(env), (size,)).astype(float)

    def jacobian(self, beta: np.ndarray, data: Mapping[str, np.ndarray], size: int) -> np.ndarray:
        """The size×n matrix ∂f(xᵢ; β)/∂βⱼ."""
        n = len(self.parameters)
        env: dict[str, Any] = dict(data)
        for j, (name, value) in enumerate(zip(self.parameters, beta, strict=True)):
            env[name] = Dual(np.full((n, 1), float(value)), self._seeds[:, j : j + 1])
        out = self._evaluate(env)
        tangent = out.tangent if isinstance(out, Dual) else np.zeros((n, 1))
        return np.broadcast_to(tangent, (n, size)).T.astype(float)
