"""Tests for linfit, with expected values from scipy.stats.linregress (not the reference)."""

from __future__ import annotations

import numpy as np
from scipy import stats

from nablalab.grader.spec import Assignment, Call, Close, Mistake, Test

CLOSE = Close(rtol=1e-8, atol=1e-10, ravel=True)


def _data() -> list[tuple[np.ndarray, np.ndarray, bool]]:
    rng = np.random.default_rng(11)
    x1 = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    x2 = rng.uniform(10, 30, 40)
    x3 = np.linspace(-3, 8, 15)
    return [(x1, np.array([2.1, 3.9, 6.2, 7.8, 10.1]), True),
            (x2, 0.7 * x2 + 12 + rng.normal(0, 2, 40), False),
            (x3, -2.5 * x3 - 4 + rng.normal(0, 0.5, 15), False)]


MISTAKES = [
    Mistake("linfit must return (m, c) in that order: the slope first, then the intercept.",
            lambda call, expected: expected[::-1]),
    Mistake("The intercept is c = ȳ − m x̄ (minus, not plus).",
            lambda call, expected: np.array([expected[0], expected[0] * np.mean(call.args[0])
                                             + np.mean(call.args[1])])),
    Mistake("Centre x before dividing: m = Σ (xᵢ − x̄) yᵢ / Σ (xᵢ − x̄)², not Σ xᵢyᵢ / Σ xᵢ².",
            lambda call, expected: _uncentred(*call.args)),
]


def _uncentred(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    m = np.sum(x * y) / np.sum(x * x)
    return np.array([m, np.mean(y) - m * np.mean(x)])


def tests() -> list[Test]:
    built = []
    for x, y, public in _data():
        fit = stats.linregress(x, y)
        built.append(Test(f"linfit on {len(x)} points", Call("linfit", (x, y)),
                          1 if public else 2, public, np.array([fit.slope, fit.intercept]),
                          CLOSE, MISTAKES, hint="Set ∂χ²/∂m = 0 and ∂χ²/∂c = 0 and solve."))
    return built


ASSIGNMENT = Assignment(
    name="linfit",
    title="Linear regression from scratch",
    functions=("linfit",),
    given=("np",),
    tests=tests,
)
