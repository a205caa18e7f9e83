"""Derivatives of whole functions: ``grad(f)(x)``, ``jacobian(f)(x)``, ``hessian(f)(x)``.

``f`` is ordinary Python written with Tensor operations (``x[0] * x[1]``, ``exp(x)``,
``(x ** 2).sum()``, ``W @ x`` ...) mapping a 1-D array to a number or an array. The
functions here run it on Tensors (reverse mode), on Duals (forward mode) or on Duals whose
parts are Tensors (reverse over forward: second derivatives), never on finite differences,
so every result is exact up to rounding.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

import numpy as np

from nablalab.numeric import autodiff as ad
from nablalab.numeric.autodiff import Tensor
from nablalab.numeric.forward import Dual, jvp, split

Function = Callable[[Any], Any]
Mode = Literal["auto", "forward", "reverse"]


def grad(f: Function) -> Callable[[Any], np.ndarray]:
    """The gradient ∇f as a function; ``f`` returns a single number (one reverse pass)."""

    def gradient(x: Any) -> np.ndarray:
        leaf = Tensor(np.array(x, dtype=np.float64), requires_grad=True)
        out = _as_output(f(leaf))
        if out.data.size != 1:
            raise ValueError(
                f"grad needs f to return a single number, but it returned shape {out.shape}; "
                "use jacobian for a vector-valued function."
            )
        if out.requires_grad:
            out.backward()
        return leaf.grad if leaf.grad is not None else np.zeros(leaf.shape)

    return gradient


def jacobian(f: Function, mode: Mode = "auto") -> Callable[[Any], np.ndarray]:
    """The m×n Jacobian of f: Rⁿ → Rᵐ as a function of x.

    Forward mode costs one pass per input (a column each), reverse mode one backward pass
    per output (a row each); "auto" evaluates the first column in forward mode, learns m,
    and finishes in whichever mode needs fewer passes.
    """
    if mode not in ("auto", "forward", "reverse"):
        raise ValueError(f"mode must be 'auto', 'forward' or 'reverse', not {mode!r}.")

    def jac(x: Any) -> np.ndarray:
        x = _vector(x, "jacobian")
        if mode == "reverse":
            return _jacobian_rows(f, x)
        value, first = jvp(f, x, _basis(x.size, 0))
        if mode == "auto" and value.size < x.size:
            return _jacobian_rows(f, x)
        columns = [first] + [jvp(f, x, _basis(x.size, j))[1] for j in range(1, x.size)]
        return np.stack([np.asarray(c).reshape(-1) for c in columns], axis=1)

    return jac


def hvp(f: Function) -> Callable[[Any, Any], np.ndarray]:
    """The Hessian-vector product H(x) v of a scalar f, exactly, in one pass.

    A Dual whose value is a Tensor gives the directional derivative ∇f·v as a Tensor;
    backpropagating it gives ∇(∇f·v) = H v.
    """

    def product(x: Any, v: Any) -> np.ndarray:
        x = _vector(x, "hvp")
        v = np.asarray(v, dtype=np.float64)
        if v.shape != x.shape:
            raise ValueError(f"hvp needs v of the shape of x {x.shape}, got {v.shape}.")
        rows = _derivative_of_jvp(f, x, v)
        if rows.shape[0] != 1:
            raise ValueError(
                f"hvp needs f to return a single number; it returned {rows.shape[0]} values."
            )
        return rows[0]

    return product


def hessian(f: Function) -> Callable[[Any], np.ndarray]:
    """The n×n Hessian of a scalar f (m×n×n for f with m outputs), exact, one
    Hessian-vector product per input direction."""

    def hess(x: Any) -> np.ndarray:
        x = _vector(x, "hessian")
        blocks = np.stack([_derivative_of_jvp(f, x, _basis(x.size, i)) for i in range(x.size)],
                          axis=1)
        blocks = 0.5 * (blocks + blocks.swapaxes(1, 2))  # equal up to rounding: symmetrise
        return blocks[0] if blocks.shape[0] == 1 else blocks

    return hess


def _derivative_of_jvp(f: Function, x: np.ndarray, v: np.ndarray) -> np.ndarray:
    """∂(J(x) v)/∂x, one row per output of f: forward mode for J v, then reverse mode."""
    leaf = Tensor(x, requires_grad=True)
    _, directional = split(f(Dual(leaf, v)))
    return _rows(_as_output(directional), leaf)


def _jacobian_rows(f: Function, x: np.ndarray) -> np.ndarray:
    leaf = Tensor(x, requires_grad=True)
    return _rows(_as_output(f(leaf)), leaf)


def _rows(out: Tensor, leaf: Tensor) -> np.ndarray:
    """d(out)/d(leaf) with out flattened: one backward pass per entry of out."""
    out = out.reshape(-1)
    rows = np.zeros((out.shape[0], leaf.size))
    if not out.requires_grad:
        return rows
    for i in range(out.shape[0]):
        leaf.zero_grad()
        out.backward(_basis(out.shape[0], i))
        if leaf.grad is not None:
            rows[i] = leaf.grad
    return rows


def _as_output(out: Any) -> Tensor:
    """f's result as a Tensor: lists of entries are stacked, constants wrapped."""
    if isinstance(out, list | tuple):
        out = ad.stack(out)
    return out if isinstance(out, Tensor) else Tensor(out)


def _vector(x: Any, name: str) -> np.ndarray:
    x = np.array(x, dtype=np.float64)
    if x.ndim != 1 or x.size == 0:
        raise ValueError(f"{name} needs x as a non-empty 1-D array, got shape {x.shape}.")
    return x


def _basis(n: int, i: int) -> np.ndarray:
    e = np.zeros(n)
    e[i] = 1.0
    return e
