"""The whitelist: every name a learner may type, and what it means.

Nothing outside these tables (and the learner's declared variables) is ever resolved, so
input such as ``__import__`` or ``open`` can only ever be an unknown name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp


@dataclass(frozen=True)
class FunctionSpec:
    """A function a learner may call: its SymPy builder and how many arguments it takes."""

    build: Callable[..., sp.Expr]
    min_args: int = 1
    max_args: int = 1
    inverse: str | None = None  # what sin^-1 means: the name of the inverse function


def _log(arg: sp.Expr, base: sp.Expr | None = None) -> sp.Expr:
    return sp.log(arg) if base is None else sp.log(arg, base)


def _one(build: Callable[..., sp.Expr], inverse: str | None = None) -> FunctionSpec:
    return FunctionSpec(build, inverse=inverse)


_TRIG = {
    "sin": (sp.sin, "asin"), "cos": (sp.cos, "acos"), "tan": (sp.tan, "atan"),
    "cot": (sp.cot, "acot"), "sec": (sp.sec, "asec"), "csc": (sp.csc, "acsc"),
    "sinh": (sp.sinh, "asinh"), "cosh": (sp.cosh, "acosh"), "tanh": (sp.tanh, "atanh"),
    "coth": (sp.coth, "acoth"), "sech": (sp.sech, "asech"), "csch": (sp.csch, "acsch"),
}
_INVERSE = {
    "asin": sp.asin, "acos": sp.acos, "atan": sp.atan, "acot": sp.acot, "asec": sp.asec,
    "acsc": sp.acsc, "asinh": sp.asinh, "acosh": sp.acosh, "atanh": sp.atanh,
    "acoth": sp.acoth, "asech": sp.asech, "acsch": sp.acsch,
}

FUNCTIONS: dict[str, FunctionSpec] = {
    **{name: _one(build, inverse) for name, (build, inverse) in _TRIG.items()},
    **{name: _one(build) for name, build in _INVERSE.items()},
    # arcsin, arccos ... and the ISO names arsinh, arcosh ... for the hyperbolic inverses.
    **{"arc" + name[1:]: _one(build) for name, build in _INVERSE.items()},
    **{"ar" + name[1:]: _one(build) for name, build in _INVERSE.items() if name.endswith("h")},
    "cosec": _one(sp.csc, "acsc"),
    "exp": _one(sp.exp),
    "ln": _one(sp.log),
    "log": FunctionSpec(_log, max_args=2),
    "sqrt": _one(sp.sqrt),
    "factorial": _one(sp.factorial),
    "abs": _one(sp.Abs),
    "Abs": _one(sp.Abs),
    "sign": _one(sp.sign),
    "sgn": _one(sp.sign),
}

CONSTANTS: dict[str, sp.Expr] = {
    "pi": sp.pi, "π": sp.pi, "e": sp.E, "E": sp.E,
    "oo": sp.oo, "inf": sp.oo, "infinity": sp.oo, "∞": sp.oo,
}

GREEK_LETTERS: dict[str, str] = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ϵ": "epsilon",
    "ζ": "zeta", "η": "eta", "θ": "theta", "ϑ": "theta", "ι": "iota", "κ": "kappa",
    "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi", "ο": "omicron", "ρ": "rho",
    "σ": "sigma", "ς": "sigma", "τ": "tau", "υ": "upsilon", "φ": "phi", "ϕ": "phi",
    "χ": "chi", "ψ": "psi", "ω": "omega", "Γ": "Gamma", "Δ": "Delta", "Θ": "Theta",
    "Λ": "Lambda", "Ξ": "Xi", "Σ": "Sigma", "Φ": "Phi", "Ψ": "Psi", "Ω": "Omega",
}
GREEK_NAMES = frozenset(GREEK_LETTERS.values())

RESERVED = frozenset(FUNCTIONS) | frozenset(CONSTANTS)


def symbol(name: str) -> sp.Symbol:
    """The canonical SymPy symbol for a learner variable.

    Every variable is real: this is a course in real calculus, and it lets SymPy simplify
    sqrt(x^2) to |x| and differentiate |x| as sign(x). Code that builds expressions to
    compare with parsed ones must use this (or ``symbols``), not a bare ``sp.Symbol``.
    """
    return sp.Symbol(GREEK_LETTERS.get(name, name), real=True)


def symbols(names: str) -> tuple[sp.Symbol, ...]:
    """``symbols("x, y")`` -> canonical symbols, in order."""
    return tuple(symbol(n.strip()) for n in names.replace(",", " ").split())
