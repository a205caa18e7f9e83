"""Tests for "Fitting the distribution of height data", on a seeded synthetic histogram.

∂f/∂μ and ∂f/∂σ are checked against SymPy's derivatives of the Gaussian (independent of the
reference solution), the step against the reference.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import sympy as sp

from nablalab.assignments.catalog import reference_value
from nablalab.grader.spec import Assignment, Call, Close, Mistake, Test

BIN_CENTRES = 51.25 + 2.5 * np.arange(100)  # 100 bins of 2.5 cm, centres 51.25 ... 298.75
DATA_FILE = Path(__file__).with_name("heights.csv")


def heights_histogram(seed: int = 2024, people: int = 1000) -> tuple[np.ndarray, np.ndarray]:
    """Bin centres and a density: heights ~ N(178 cm, 5.5 cm), binned and normalised."""
    heights = np.random.default_rng(seed).normal(178.0, 5.5, people)
    edges = np.append(BIN_CENTRES - 1.25, BIN_CENTRES[-1] + 1.25)
    counts, _ = np.histogram(heights, edges)
    return BIN_CENTRES.copy(), counts / (people * 2.5)


def write_data_file() -> None:
    x, y = heights_histogram()
    rows = "\n".join(f"{a:.2f},{b:.8f}" for a, b in zip(x, y, strict=True))
    DATA_FILE.write_text(f"height_cm,density\n{rows}\n")


@cache
def _symbolic() -> dict[str, object]:
    x, mu, sig = sp.symbols("x mu sig", real=True)
    f = sp.exp(-((x - mu) ** 2) / (2 * sig**2)) / sp.sqrt(2 * sp.pi) / sig
    return {name: sp.lambdify((x, mu, sig), expr, "numpy")
            for name, expr in (("f", f), ("dfdmu", sp.diff(f, mu)), ("dfdsig", sp.diff(f, sig)))}


def _f(call: Call) -> np.ndarray:
    """f at a derivative test's (x, μ, σ)."""
    return _symbolic()["f"](*call.args)


def _derivative_tests(name: str) -> list[Test]:
    x = BIN_CENTRES
    cases = [((x, 155.0, 6.0), True), ((x, 171.3, 9.5), False), ((x[60:80], 190.0, 4.0), False)]
    mistakes = {
        "dfdmu": [Mistake("Sign: ∂f/∂μ = f · (x − μ)/σ² (the exponent −(x − μ)²/(2σ²) "
                          "differentiates to +(x − μ)/σ² with respect to μ).",
                          lambda call, expected: -expected)],
        "dfdsig": [
            Mistake("∂f/∂σ has two terms: f · ((x − μ)²/σ³ − 1/σ). You missed the −f/σ from "
                    "the 1/σ in front of the exponential.",
                    lambda call, expected: _f(call) * (call.args[0] - call.args[1]) ** 2
                    / call.args[2] ** 3),
            Mistake("∂f/∂σ: the exponent's derivative is (x − μ)²/σ³, not (x − μ)²/σ².",
                    lambda call, expected: _f(call) * ((call.args[0] - call.args[1]) ** 2
                                                       / call.args[2] ** 2 - 1 / call.args[2])),
        ],
    }[name]
    return [Test(f"{name} at μ = {args[1]}, σ = {args[2]}", Call(name, args), 1 if public else 2,
                 public, _symbolic()[name](*args), Close(rtol=1e-7, atol=1e-14),
                 mistakes, hint="Differentiate the Gaussian with the chain rule.")
            for args, public in cases]


def _step_tests() -> list[Test]:
    x, y = heights_histogram()
    cases = [((x, y, 155.0, 6.0, 2000.0), True), ((x, y, 180.0, 8.0, 500.0), False),
             ((x, y, 170.0, 4.0, 100.0), False)]
    mistakes = [
        Mistake("steepest_step must go downhill: return −aggression · J, not +aggression · J.",
                lambda call, expected: -expected),
        Mistake("J needs the factor 2: J = [−2 (y − f)·∂f/∂μ, −2 (y − f)·∂f/∂σ].",
                lambda call, expected: expected / 2),
        Mistake("Multiply by the aggression: the step is −aggression · J.",
                lambda call, expected: expected / call.args[4]),
    ]
    return [Test(f"steepest_step from μ = {args[2]}, σ = {args[3]}, aggression {args[4]:g}",
                 Call("steepest_step", args), 1 if public else 2, public,
                 reference_value("heights", Call("steepest_step", args)),
                 Close(rtol=1e-7, atol=1e-12, ravel=True), mistakes,
                 hint="Sum over the bins: (y − f) @ dfdmu(...) is a number.")
            for args, public in cases]


def tests() -> list[Test]:
    return [*_derivative_tests("dfdmu"), *_derivative_tests("dfdsig"), *_step_tests()]


ASSIGNMENT = Assignment(
    name="heights",
    title="Fitting the distribution of height data",
    functions=("dfdmu", "dfdsig", "steepest_step"),
    given=("np", "f"),
    tests=tests,
)
