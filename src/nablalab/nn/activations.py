"""The activation functions of the course, each paired with its derivative σ'(z).

Backpropagation needs σ and σ' side by side; keeping them in one record means a layer
can never be given a derivative that belongs to another function.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

ArrayFn = Callable[[np.ndarray], np.ndarray]


@dataclass(frozen=True)
class Activation:
    """An activation σ with its derivative σ', both applied element by element."""

    name: str
    sigma: ArrayFn
    d_sigma: ArrayFn

    def __call__(self, z: np.ndarray) -> np.ndarray:
        return self.sigma(z)


def _logistic(z: np.ndarray) -> np.ndarray:
    # 1 / (1 + e^-z) written through tanh, which never overflows for large |z|.
    return 0.5 * (1.0 + np.tanh(z / 2.0))


def _d_logistic(z: np.ndarray) -> np.ndarray:
    # The course's form: σ'(z) = cosh(z/2)^-2 / 4, equal to σ(z)(1 − σ(z)). Where cosh
    # overflows the true value is below 1e-300, and 1 / inf = 0 is the right answer.
    with np.errstate(over="ignore"):
        return 1.0 / (4.0 * np.cosh(z / 2.0) ** 2)


def _d_tanh(z: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):
        return 1.0 / np.cosh(z) ** 2


def _relu(z: np.ndarray) -> np.ndarray:
    return np.maximum(z, 0.0)


def _d_relu(z: np.ndarray) -> np.ndarray:
    # The kink at 0 has no derivative; 0 is the usual convention.
    return (z > 0).astype(float)


def _linear(z: np.ndarray) -> np.ndarray:
    return z


def _d_linear(z: np.ndarray) -> np.ndarray:
    return np.ones_like(z)


LOGISTIC = Activation("logistic", _logistic, _d_logistic)
TANH = Activation("tanh", np.tanh, _d_tanh)
RELU = Activation("relu", _relu, _d_relu)
LINEAR = Activation("linear", _linear, _d_linear)

ACTIVATIONS: dict[str, Activation] = {
    "logistic": LOGISTIC,
    "sigmoid": LOGISTIC,
    "tanh": TANH,
    "relu": RELU,
    "linear": LINEAR,
}


def activation(name: str | Activation) -> Activation:
    """Look an activation up by name ("sigmoid" and "logistic" are the same function)."""
    if isinstance(name, Activation):
        return name
    try:
        return ACTIVATIONS[name.lower()]
    except (KeyError, AttributeError):
        known = ", ".join(sorted(ACTIVATIONS))
        raise ValueError(f"Unknown activation {name!r}: choose one of {known}.") from None
