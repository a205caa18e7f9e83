"""Evaluate a SymPy expression at a point, in real arithmetic, at any precision (mpmath).

Why not ``lambdify``: an expression is *defined* at a point only when every sub-expression
is a real number there. ``sqrt(x)*sqrt(y)`` at x = y = -1 is the product of two imaginary
roots, which happens to be real (-1); by the real-domain policy it is undefined there, and
``sqrt(x*y)`` (= 1) must not be judged different from it at that point. So the expression is
compiled once into a tree of closures that check each node's domain and raise ``Undefined``.

Powers follow SymPy's principal branch (so ``x^(1/3)`` is undefined for x < 0, as in SymPy),
and nothing is ever evaluated whose size could blow up: an argument that would need more
than a few thousand bits (``sin(e^(e^x))``, ``x^(x^(x^x))`` at x = 5) raises ``Unreliable``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

import mpmath
import sympy as sp
from mpmath import mpf

Point = Sequence[mpf]
Evaluator = Callable[[Point], mpf]

# Largest |log2(value)| we create (~300 000 decimal digits of exponent, still instant) and
# largest trig/hyperbolic argument, in bits, whose reduction mod 2π stays cheap and exact.
MAX_MAGNITUDE_BITS = 1_000_000
MAX_PERIODIC_ARGUMENT_BITS = 1500


class Undefined(ArithmeticError):
    """The point is outside the expression's real domain."""


class Unreliable(ArithmeticError):
    """The value at this point is too large to compute trustworthily within the budget."""


class Unsupported(ValueError):
    """The expression contains something that has no numeric meaning here (oo, Derivative...)."""


def compile_real(expr: sp.Basic, variables: Sequence[sp.Symbol]) -> Evaluator:
    """A function of a point (one mpf per variable, in order) -> the real value of ``expr``.

    Evaluate under ``mpmath.workdps(d)`` to choose the precision. Raises ``Unsupported`` now
    for a node we cannot evaluate; the returned function raises ``Undefined``/``Unreliable``.
    Compiled functions are cached: diagnosis compares the same expected answer many times.
    """
    return _compile(expr, tuple(variables))


@lru_cache(maxsize=256)
def _compile(expr: sp.Basic, variables: tuple[sp.Symbol, ...]) -> Evaluator:
    return _build(expr, {v: i for i, v in enumerate(variables)})


def _build(node: sp.Basic, index: dict[sp.Symbol, int]) -> Evaluator:
    if node.is_Symbol:
        if node not in index:
            raise Unsupported(f"no value given for the variable {node}")
        i = index[node]
        return lambda point: point[i]
    if node.is_Number:
        return _number(node)
    if isinstance(node, sp.NumberSymbol):
        return _named_constant(node)
    if node.is_Add:
        if (polynomial := _dense_polynomial(node, index)) is not None:
            return polynomial
        terms = [_build(arg, index) for arg in node.args]
        return lambda point: mpmath.fsum(term(point) for term in terms)
    if node.is_Mul:
        return _product([_build(arg, index) for arg in node.args])
    if node.is_Pow:
        return _power(node, index)
    function = _FUNCTIONS.get(type(node)) or _FUNCTIONS.get(node.func)
    if function is not None:
        args = [_build(arg, index) for arg in node.args]
        if len(args) == 1:
            inner = args[0]
            return lambda point: _checked(function(inner(point)))
        return lambda point: _checked(function(*(arg(point) for arg in args)))
    raise Unsupported(f"cannot evaluate {type(node).__name__} numerically")


def _number(node: sp.Number) -> Evaluator:
    if node.is_Integer and abs(node) < 2**53:  # exact at every precision: build it once
        value = mpf(int(node))
        return lambda point: value
    if node.is_Rational:
        p, q = int(node.p), int(node.q)
        return lambda point: mpf(p) / q
    if node.is_Float:
        value = node._mpf_
        return lambda point: mpf(value)
    raise Unsupported(f"{node} is not a finite real number")


def _named_constant(node: sp.NumberSymbol) -> Evaluator:
    constants = {sp.pi: mpmath.mp.pi, sp.E: mpmath.mp.e, sp.EulerGamma: mpmath.mp.euler,
                 sp.GoldenRatio: mpmath.mp.phi, sp.Catalan: mpmath.mp.catalan}
    if node not in constants:
        raise Unsupported(f"cannot evaluate the constant {node}")
    constant = constants[node]
    return lambda point: +constant


def _dense_polynomial(node: sp.Add, index: dict[sp.Symbol, int]) -> Evaluator | None:
    """Horner's scheme for a long polynomial in one variable (an expanded (x + 1)^200):
    one multiplication per degree instead of one power per term, five times faster."""
    if len(node.args) < _HORNER_MIN_TERMS or len(node.free_symbols) != 1:
        return None
    (variable,) = node.free_symbols
    if variable not in index or not node.is_polynomial(variable):
        return None
    poly = sp.Poly(node, variable)
    if poly.degree() > 4 * len(node.args) or not (poly.domain.is_QQ or poly.domain.is_ZZ):
        return None
    coefficients = [(int(c.p), int(c.q)) for c in map(sp.Rational, poly.all_coeffs())]
    i = index[variable]

    def evaluate(point: Point) -> mpf:
        x, total = point[i], mpf(0)
        for p, q in coefficients:
            total = total * x + (mpf(p) / q if q != 1 else mpf(p))
        return total
    return evaluate


_HORNER_MIN_TERMS = 12


def _product(factors: list[Evaluator]) -> Evaluator:
    def evaluate(point: Point) -> mpf:
        result = factors[0](point)
        for factor in factors[1:]:
            result *= factor(point)
        return result
    return evaluate


def _power(node: sp.Pow, index: dict[sp.Symbol, int]) -> Evaluator:
    base = _build(node.base, index)
    exponent = node.exp
    if exponent.is_Integer:
        n = int(exponent)
        return lambda point: _integer_power(base(point), n)
    if exponent == sp.Rational(1, 2):
        return lambda point: _sqrt(base(point))
    power = _build(exponent, index)
    return lambda point: _real_power(base(point), power(point))


def _integer_power(base: mpf, n: int) -> mpf:
    if base == 0 and n < 0:
        raise Undefined("division by zero")
    _check_growth(base, n)
    return base**n


def _sqrt(value: mpf) -> mpf:
    if value < 0:
        raise Undefined("square root of a negative number")
    return mpmath.sqrt(value)


def _real_power(base: mpf, exponent: mpf) -> mpf:
    if base == 0:
        if exponent > 0:
            return mpf(0)
        raise Undefined("0 to a non-positive power")
    if base < 0 and not mpmath.isint(exponent):
        raise Undefined("a negative number to a non-integer power is not real")
    _check_growth(base, exponent)
    return _checked(mpmath.power(base, exponent))


def _check_growth(base: mpf, exponent: mpf | int) -> None:
    if base != 0 and abs(exponent) * (abs(mpmath.mag(base)) + 1) > MAX_MAGNITUDE_BITS:
        raise Unreliable("the power is astronomically large")


def _checked(value: object) -> mpf:
    """Only finite real numbers leave a node: mpc or inf means the point is outside the domain."""
    if type(value) is not mpf or not mpmath.isfinite(value):
        raise Undefined("the value is not a finite real number")
    return value


# ------------------------------------------------------------------- functions, with domains
def _where(condition: Callable[[mpf], bool], function: Callable[[mpf], mpf]
           ) -> Callable[[mpf], mpf]:
    def evaluate(x: mpf) -> mpf:
        if not condition(x):
            raise Undefined(f"outside the domain of {function.__name__}")
        return function(x)
    return evaluate


def _periodic(function: Callable[[mpf], mpf]) -> Callable[[mpf], mpf]:
    def evaluate(x: mpf) -> mpf:
        if x != 0 and mpmath.mag(x) > MAX_PERIODIC_ARGUMENT_BITS:
            raise Unreliable("the argument is too large to reduce accurately")
        return function(x)
    return evaluate


def _exponential(function: Callable[[mpf], mpf]) -> Callable[[mpf], mpf]:
    def evaluate(x: mpf) -> mpf:
        if abs(x) > MAX_MAGNITUDE_BITS / 2:
            raise Unreliable("the exponential is astronomically large")
        return function(x)
    return evaluate


def _reciprocal(function: Callable[[mpf], mpf]) -> Callable[[mpf], mpf]:
    def evaluate(x: mpf) -> mpf:
        value = function(x)
        if value == 0:
            raise Undefined("division by zero")
        return 1 / value
    return evaluate


def _nonzero(x: mpf) -> bool:
    return x != 0


def _heaviside(x: mpf, value_at_zero: mpf | None = None) -> mpf:
    if x == 0:
        raise Undefined("the step is undefined at 0")
    return mpf(1) if x > 0 else mpf(0)


def _dirac(x: mpf, order: mpf | None = None) -> mpf:
    if x == 0:
        raise Undefined("the delta function has no value at 0")
    return mpf(0)


def _factorial(x: mpf) -> mpf:
    if mpmath.isint(x) and x < 0:
        raise Undefined("factorial of a negative integer")
    return mpmath.gamma(x + 1)


_FUNCTIONS: dict[object, Callable[..., mpf]] = {
    sp.sin: _periodic(mpmath.sin),
    sp.cos: _periodic(mpmath.cos),
    sp.tan: _periodic(mpmath.tan),
    sp.cot: _reciprocal(_periodic(mpmath.tan)),
    sp.sec: _reciprocal(_periodic(mpmath.cos)),
    sp.csc: _reciprocal(_periodic(mpmath.sin)),
    sp.asin: _where(lambda x: -1 <= x <= 1, mpmath.asin),
    sp.acos: _where(lambda x: -1 <= x <= 1, mpmath.acos),
    sp.atan: mpmath.atan,
    sp.acot: mpmath.acot,
    sp.asec: _where(lambda x: abs(x) >= 1, mpmath.asec),
    sp.acsc: _where(lambda x: abs(x) >= 1, mpmath.acsc),
    sp.sinh: _exponential(mpmath.sinh),
    sp.cosh: _exponential(mpmath.cosh),
    sp.tanh: mpmath.tanh,
    sp.coth: _where(_nonzero, mpmath.coth),
    sp.sech: _exponential(mpmath.sech),
    sp.csch: _where(_nonzero, _exponential(mpmath.csch)),
    sp.asinh: mpmath.asinh,
    sp.acosh: _where(lambda x: x >= 1, mpmath.acosh),
    sp.atanh: _where(lambda x: -1 < x < 1, mpmath.atanh),
    sp.acoth: _where(lambda x: abs(x) > 1, mpmath.acoth),
    sp.asech: _where(lambda x: 0 < x <= 1, mpmath.asech),
    sp.acsch: _where(_nonzero, mpmath.acsch),
    sp.exp: _exponential(mpmath.exp),
    sp.log: _where(lambda x: x > 0, mpmath.log),
    sp.Abs: abs,
    sp.sign: mpmath.sign,
    sp.factorial: _factorial,
    sp.gamma: _where(lambda x: not (mpmath.isint(x) and x <= 0), mpmath.gamma),
    sp.Heaviside: _heaviside,
    sp.DiracDelta: _dirac,
    sp.Max: max,
    sp.Min: min,
}
