"""Numerical derivatives by finite differences, and why the step size matters.

When a function has no formula (a simulation, a measurement, the Sandpit's hidden floor),
its derivative is estimated from values at nearby points. A stencil of accuracy order p
has truncation error ∝ hᵖ, but each value carries a rounding error ≈ ε|f|, amplified by
1/h (1/h² for second derivatives). The total is V-shaped in h; `step_error_table` shows the
V and where its bottom lies, and the default steps sit near that bottom.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

EPSILON = float(np.finfo(np.float64).eps)


@dataclass(frozen=True)
class Stencil:
    """f'(x) ≈ Σ wₖ f(x + oₖh) / h, with truncation error O(hᵖ) for p = ``order``."""

    offsets: tuple[int, ...]
    weights: tuple[float, ...]
    order: int


STENCILS: dict[str, Stencil] = {
    "forward": Stencil((0, 1), (-1.0, 1.0), 1),
    "backward": Stencil((-1, 0), (-1.0, 1.0), 1),
    "central": Stencil((-1, 1), (-0.5, 0.5), 2),
    "five-point": Stencil((-2, -1, 1, 2), (1 / 12, -8 / 12, 8 / 12, -1 / 12), 4),
}
METHODS = tuple(STENCILS)


def stencil(method: str) -> Stencil:
    try:
        return STENCILS[method]
    except KeyError:
        choices = ", ".join(repr(m) for m in METHODS)
        raise ValueError(
            f"Unknown finite-difference method {method!r}; use one of {choices}."
        ) from None


def default_step(x: Any, method: str = "central", derivative_order: int = 1) -> np.ndarray:
    """A step near the bottom of the V: h ≈ ε^(1/(p+d)) · max(1, |x|).

    Truncation ∝ hᵖ balances rounding ∝ ε/hᵈ (d = 1 for a first derivative, 2 for a
    second) when h ∝ ε^(1/(p+d)).
    """
    p = stencil(method).order
    return EPSILON ** (1.0 / (p + derivative_order)) * np.maximum(1.0, np.abs(np.asarray(x)))


def derivative(
    f: Callable[[float], Any], x: float, h: float | None = None, method: str = "central"
) -> Any:
    """f'(x) of a function of one variable (its value may be a number or an array)."""
    x = float(x)
    step = float(default_step(x, method)) if h is None else _positive(h)
    return _directional(lambda t: np.asarray(f(x + t), dtype=np.float64), step, method)


def jacobian(
    f: Callable[[np.ndarray], Any], x: Any, h: Any = None, method: str = "central"
) -> np.ndarray:
    """The m×n Jacobian of f: Rⁿ → Rᵐ, one column per input (a scalar f gives 1×n)."""
    x = _vector(x)
    steps = default_step(x, method) if h is None else _steps(h, x.size)
    at_x = _value(f, x) if 0 in stencil(method).offsets else None
    columns = []
    for j in range(x.size):

        def along(t: float, j: int = j) -> np.ndarray:
            if t == 0.0 and at_x is not None:
                return at_x
            shifted = x.copy()
            shifted[j] += t
            return _value(f, shifted)

        columns.append(_directional(along, steps[j], method).reshape(-1))
    return np.stack(columns, axis=1)


def gradient(
    f: Callable[[np.ndarray], Any], x: Any, h: Any = None, method: str = "central"
) -> np.ndarray:
    """∇f of a scalar function of a vector (the Sandpit's downhill arrow is −∇f)."""
    jac = jacobian(f, x, h, method)
    if jac.shape[0] != 1:
        raise ValueError(
            f"gradient needs f to return a single number, but it returned {jac.shape[0]} "
            "values; use jacobian for a vector-valued function."
        )
    return jac[0]


def hessian(
    f: Callable[[np.ndarray], Any], x: Any, h: Any = None, method: str = "central"
) -> np.ndarray:
    """The n×n Hessian as the finite-difference Jacobian of the finite-difference gradient.

    Both differences use the same method and step; the default step is sized for a second
    derivative, h ≈ ε^(1/(p+2)). The result is symmetrised.
    """
    x = _vector(x)
    steps = default_step(x, method, derivative_order=2) if h is None else _steps(h, x.size)
    rows = jacobian(lambda y: gradient(f, y, steps, method), x, steps, method)
    return 0.5 * (rows + rows.T)


@dataclass(frozen=True)
class StepErrorTable:
    """Estimates of f'(x) and their errors for a range of steps: the V of truncation against
    rounding. ``best_step`` is where the error was smallest; ``suggested_step`` is the
    theory's ε^(1/(p+1))·max(1, |x|) (p = ``order``)."""

    method: str
    order: int
    steps: np.ndarray
    estimates: np.ndarray
    errors: np.ndarray
    best_step: float
    best_error: float
    suggested_step: float


def step_error_table(
    f: Callable[[float], Any],
    x: float,
    reference: Any,
    method: str = "central",
    steps: Any = None,
) -> StepErrorTable:
    """Differentiate f at x with every step in ``steps`` and compare with ``reference``.

    ``reference`` is the exact derivative or a trusted value (e.g. from autodiff);
    ``steps`` defaults to 10⁰, 10^−0.5, …, 10⁻¹⁵. The error of an array-valued f is its
    largest entry.
    """
    steps = np.logspace(0.0, -15.0, 31) if steps is None else np.asarray(steps, dtype=float)
    if steps.ndim != 1 or steps.size == 0:
        raise ValueError("steps must be a non-empty 1-D list of step sizes.")
    for h in steps:
        _positive(h)
    estimates = np.array([derivative(f, x, float(h), method) for h in steps])
    reference = np.asarray(reference, dtype=np.float64)
    errors = np.abs(estimates - reference).reshape(len(steps), -1).max(axis=1)
    best = int(np.argmin(errors))
    return StepErrorTable(
        method=method,
        order=stencil(method).order,
        steps=steps,
        estimates=estimates,
        errors=errors,
        best_step=float(steps[best]),
        best_error=float(errors[best]),
        suggested_step=float(default_step(x, method)),
    )


def _directional(along: Callable[[float], np.ndarray], h: float, method: str) -> np.ndarray:
    """Σ wₖ g(oₖh) / h, where g(t) = f(x + t·e) for the direction e being differentiated."""
    rule = stencil(method)
    total = sum(w * along(o * h) for o, w in zip(rule.offsets, rule.weights, strict=True))
    return total / h


def _value(f: Callable[[np.ndarray], Any], x: np.ndarray) -> np.ndarray:
    return np.asarray(f(x), dtype=np.float64)


def _vector(x: Any) -> np.ndarray:
    x = np.array(x, dtype=np.float64)
    if x.ndim != 1 or x.size == 0:
        raise ValueError(f"x must be a non-empty 1-D array of coordinates, got shape {x.shape}.")
    return x


def _steps(h: Any, n: int) -> np.ndarray:
    steps = np.broadcast_to(np.asarray(h, dtype=np.float64), (n,))
    for step in steps:
        _positive(step)
    return steps


def _positive(h: Any) -> float:
    h = float(h)
    if not h > 0.0 or not np.isfinite(h):
        raise ValueError(f"The step h must be a positive number, got {h}.")
    return h
