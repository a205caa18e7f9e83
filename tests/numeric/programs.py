"""Random differentiable programs, written once and run on several engines.

A program is a list of steps ``(op, i, j)``; each step applies ``op`` to values i and j of a
growing pool (indices taken modulo the pool size) and appends the result. The same program
runs on our Tensors and Duals (``lib`` = ``nablalab.numeric.autodiff``) and on HIPS
autograd (``lib`` = `AUTOGRAD`), so autograd is the independent reference.

The pool starts from slices of one flat vector x: A (3×4), b (4,), c (3×1), s (scalar);
a 4×4 matrix M from x is used by the matrix products. Every pool value broadcasts against
(3, 4). Operations keep inputs in their domains (log of 1 + a², arcsin of tanh/2, ...).
"""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import autograd.numpy as anp
import numpy as np
from hypothesis import strategies as st

INPUT_SIZE = 12 + 4 + 3 + 1 + 16
WEIGHTS = (1.0, -0.7, 0.45)
CONSTANT = np.linspace(-1.0, 1.0, 12).reshape(3, 4)


def _autograd_softmax(x: Any, axis: int = -1) -> Any:
    e = anp.exp(x)
    return e / anp.sum(e, axis=axis, keepdims=True)


AUTOGRAD = SimpleNamespace(
    exp=anp.exp, log=anp.log, sqrt=anp.sqrt, abs=anp.abs, sin=anp.sin, cos=anp.cos,
    tan=anp.tan, arcsin=anp.arcsin, arccos=anp.arccos, arctan=anp.arctan, sinh=anp.sinh,
    cosh=anp.cosh, tanh=anp.tanh,
    sigmoid=lambda x: 1.0 / (1.0 + anp.exp(-x)),
    relu=lambda x: x * (x > 0.0),
    softmax=_autograd_softmax,
    log_softmax=lambda x, axis=-1: x - anp.log(anp.sum(anp.exp(x), axis=axis, keepdims=True)),
)


def _last_axis_index(a: Any) -> Any:
    n = np.shape(a)[-1]
    return a[..., [3, 1, 1, 0]] if n == 4 else a[..., [0] * n]


def _sum_rows(a: Any) -> Any:
    return a.sum(axis=0) if np.ndim(a) == 2 else a.sum()


def _reshape_transpose(a: Any) -> Any:
    if np.shape(a) == (3, 4):
        return a.reshape(4, 3).T
    return a.reshape(-1).reshape(np.shape(a))


Op = Callable[[Any, Any, Any, Any], Any]
OPS: dict[str, Op] = {
    "add": lambda lib, a, b, m: a + b,
    "sub": lambda lib, a, b, m: a - b,
    "mul": lambda lib, a, b, m: a * b,
    "div": lambda lib, a, b, m: a / (1.0 + b * b),
    "rdiv": lambda lib, a, b, m: 2.0 / (1.5 + lib.sin(a)),
    "neg": lambda lib, a, b, m: -a,
    "pow_tensor": lambda lib, a, b, m: (1.0 + a * a) ** lib.tanh(b),
    "pow_scalar": lambda lib, a, b, m: lib.tanh(a) ** 3,
    "pow_half": lambda lib, a, b, m: (2.0 + lib.cos(a)) ** 0.5,
    "rpow": lambda lib, a, b, m: 2.0 ** lib.sin(a),
    "exp": lambda lib, a, b, m: lib.exp(lib.sin(a)),
    "log": lambda lib, a, b, m: lib.log(1.0 + a * a),
    "sqrt": lambda lib, a, b, m: lib.sqrt(1.0 + a * a),
    "abs": lambda lib, a, b, m: lib.abs(a) + abs(b),
    "sin": lambda lib, a, b, m: lib.sin(a),
    "cos": lambda lib, a, b, m: lib.cos(a),
    "tan": lambda lib, a, b, m: lib.tan(lib.tanh(a)),
    "arcsin": lambda lib, a, b, m: lib.arcsin(0.5 * lib.tanh(a)),
    "arccos": lambda lib, a, b, m: lib.arccos(0.5 * lib.tanh(a)),
    "arctan": lambda lib, a, b, m: lib.arctan(a),
    "sinh": lambda lib, a, b, m: lib.sinh(lib.tanh(a)),
    "cosh": lambda lib, a, b, m: lib.cosh(lib.tanh(a)),
    "tanh": lambda lib, a, b, m: lib.tanh(a),
    "sigmoid": lambda lib, a, b, m: lib.sigmoid(a),
    "relu": lambda lib, a, b, m: lib.relu(a - 0.1),
    "softmax": lambda lib, a, b, m: lib.softmax(a) if np.ndim(a) else a,
    "log_softmax": lambda lib, a, b, m: lib.log_softmax(a) if np.ndim(a) else a,
    "matmul": lambda lib, a, b, m: a @ m if np.shape(a)[-1:] == (4,) else a,
    "rmatmul": lambda lib, a, b, m: m @ a if np.shape(a) == (4,) else a,
    "matmul_T": lambda lib, a, b, m: a @ m.T if np.shape(a)[-1:] == (4,) else a,
    "constant_left": lambda lib, a, b, m: CONSTANT * a - CONSTANT,
    "sum_keep": lambda lib, a, b, m: a.sum(axis=-1, keepdims=True) if np.ndim(a) else a,
    "sum_rows": lambda lib, a, b, m: _sum_rows(a),
    "mean": lambda lib, a, b, m: a.mean() + a.mean(axis=-1, keepdims=True) if np.ndim(a) else a,
    "index_fancy": lambda lib, a, b, m: _last_axis_index(a) if np.ndim(a) else a,
    "index_basic": lambda lib, a, b, m: a[..., ::-1] if np.ndim(a) else a,
    "reshape_T": lambda lib, a, b, m: _reshape_transpose(a),
}

steps = st.lists(
    st.tuples(st.sampled_from(sorted(OPS)), st.integers(0, 20), st.integers(0, 20)),
    min_size=1, max_size=8,
)


def inputs(x: Any) -> tuple[list[Any], Any]:
    """The starting pool and the matrix M, sliced out of the flat vector x."""
    pool = [x[0:12].reshape(3, 4), x[12:16], x[16:19].reshape(3, 1), x[19]]
    return pool, x[20:36].reshape(4, 4)


def run(program: list[tuple[str, int, int]], lib: Any, x: Any) -> list[Any]:
    """Every value the program computes, starting with the inputs."""
    pool, m = inputs(x)
    for op, i, j in program:
        pool.append(OPS[op](lib, pool[i % len(pool)], pool[j % len(pool)], m))
    return pool


def scalar_program(program: list[tuple[str, int, int]], lib: Any) -> Callable[[Any], Any]:
    """x ↦ a weighted sum of the last values' sums (every step can reach the output)."""

    def f(x: Any) -> Any:
        pool = run(program, lib, x)
        total = 0.0
        for weight, value in zip(WEIGHTS, reversed(pool), strict=False):
            total = total + weight * value.sum()
        return total

    return f


def vector_program(program: list[tuple[str, int, int]], lib: Any) -> Callable[[Any], Any]:
    """x ↦ the last value, flattened, plus a little of the one before (an array output)."""

    def f(x: Any) -> Any:
        pool = run(program, lib, x)
        return (pool[-1] + 0.5 * pool[-2].sum()).reshape(-1)

    return f


def random_x(seed: int) -> np.ndarray:
    return np.random.default_rng(seed).uniform(-1.5, 1.5, INPUT_SIZE)


def assert_close(ours: Any, reference: Any, rtol: float = 1e-10) -> None:
    """Agreement to ``rtol`` relative to the reference's largest entry (an exact zero
    Hessian may come out of autograd as ±1e-16 rounding noise, hence the tiny floor)."""
    ours = np.asarray(ours, dtype=float)
    reference = np.asarray(reference, dtype=float)
    assert ours.shape == reference.shape, (ours.shape, reference.shape)
    scale = float(np.max(np.abs(reference), initial=0.0))
    np.testing.assert_allclose(ours, reference, rtol=rtol, atol=rtol * scale + 1e-13)

