"""Small networks with friendly numbers: exact SymPy values beside the nn engine's floats."""

from __future__ import annotations

import numpy as np
import sympy as sp

from nablalab.nn import LOGISTIC, TANH, Network

SIGMA = {"tanh": (TANH, sp.tanh), "logistic": (LOGISTIC, lambda z: 1 / (1 + sp.exp(-z)))}
WEIGHTS = [sp.Rational(n, 2) for n in range(-6, 7) if n]


def sigma_exact(name: str, z: sp.Expr) -> sp.Expr:
    return SIGMA[name][1](z)


def d_sigma_exact(name: str, z: sp.Expr) -> sp.Expr:
    s = sp.Symbol("s")
    return sp.diff(SIGMA[name][1](s), s).subs(s, z)


def network(weights: sp.Matrix, biases: sp.Matrix, name: str) -> Network:
    """One layer of the nn engine with the same (exact) parameters."""
    return Network((np.array(weights.tolist(), dtype=float),),
                   (np.array(biases.tolist(), dtype=float).reshape(-1, 1),),
                   (SIGMA[name][0],))


def formula(name: str) -> str:
    return ("\\sigma(z) = \\tanh z" if name == "tanh"
            else "\\sigma(z) = \\frac{1}{1 + e^{-z}}")
