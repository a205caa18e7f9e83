"""Step strategies for the sandpit: a strategy maps (f, J, H) at the walker's position to a step.

This is the signature of the course's ``next_step(f, J, H)``, so the built-in strategies
and a learner's own are interchangeable. Momentum and Adam remember earlier steps, so
they are small objects; make a fresh one for every walk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

GAMMA = 0.5  # the course's steepest-descent factor
MAX_NEWTON_LENGTH = 2.0  # the course's hybrid trusts a Newton step no longer than this


class Strategy(Protocol):
    def __call__(self, f: float, J: np.ndarray, H: np.ndarray | None) -> np.ndarray: ...


def steepest_descent(gamma: float = GAMMA) -> Strategy:
    """-γJ: a step proportional to the slope (short on gentle slopes)."""
    def step(f: float, J: np.ndarray, H: np.ndarray | None) -> np.ndarray:
        return -gamma * J
    return step


def fixed_length(length: float = 0.1) -> Strategy:
    """A step of the same length every time, straight downhill: it never settles exactly."""
    def step(f: float, J: np.ndarray, H: np.ndarray | None) -> np.ndarray:
        size = np.linalg.norm(J)
        return -length * J / size if size else np.zeros_like(J)
    return step


def newton_step(f: float, J: np.ndarray, H: np.ndarray | None) -> np.ndarray:
    """-H⁻¹J: jumps to the bottom of the local quadratic model (or its top, or saddle!)."""
    if H is None:
        raise ValueError("the Newton step needs the Hessian H")
    return -np.linalg.solve(H, J)


def hybrid_choice(
    J: np.ndarray, H: np.ndarray | None, gamma: float = GAMMA,
    max_length: float = MAX_NEWTON_LENGTH,
) -> tuple[np.ndarray, str]:
    """The course's hybrid, saying which rule it used ("newton" or "steepest").

    Newton's step is taken unless it points uphill (step · J >= 0), is longer than
    ``max_length``, or does not exist (singular H); then the step is -γJ.
    """
    if H is not None:
        try:
            step = -np.linalg.solve(H, J)
        except np.linalg.LinAlgError:
            step = None
        if (step is not None and np.all(np.isfinite(step)) and step @ J < 0
                and np.linalg.norm(step) <= max_length):
            return step, "newton"
    return -gamma * J, "steepest"


def hybrid(gamma: float = GAMMA, max_length: float = MAX_NEWTON_LENGTH) -> Strategy:
    """Newton when it is safe, steepest descent otherwise (see ``hybrid_choice``)."""
    def step(f: float, J: np.ndarray, H: np.ndarray | None) -> np.ndarray:
        return hybrid_choice(J, H, gamma, max_length)[0]
    return step


@dataclass
class Momentum:
    """Heavy ball: v <- βv - γJ, step = v. Speeds along valleys, damps zig-zags."""

    gamma: float = 0.01
    beta: float = 0.9
    velocity: np.ndarray | None = field(default=None, repr=False)

    def __call__(self, f: float, J: np.ndarray, H: np.ndarray | None) -> np.ndarray:
        previous = np.zeros_like(J) if self.velocity is None else self.velocity
        self.velocity = self.beta * previous - self.gamma * J
        return self.velocity


@dataclass
class Adam:
    """Adam: steps scaled per coordinate by running averages of J and J² (bias-corrected)."""

    rate: float = 0.05
    beta1: float = 0.9
    beta2: float = 0.999
    epsilon: float = 1e-8
    mean: np.ndarray | None = field(default=None, repr=False)
    square: np.ndarray | None = field(default=None, repr=False)
    count: int = 0

    def __call__(self, f: float, J: np.ndarray, H: np.ndarray | None) -> np.ndarray:
        if self.mean is None or self.square is None:
            self.mean, self.square = np.zeros_like(J), np.zeros_like(J)
        self.count += 1
        self.mean = self.beta1 * self.mean + (1 - self.beta1) * J
        self.square = self.beta2 * self.square + (1 - self.beta2) * J**2
        mean_hat = self.mean / (1 - self.beta1**self.count)
        square_hat = self.square / (1 - self.beta2**self.count)
        return -self.rate * mean_hat / (np.sqrt(square_hat) + self.epsilon)
