"""Tests for "Newton–Raphson": f′ against SymPy, the step and the iteration against the
reference, and every root found checked by SciPy's bracketing solver."""

from __future__ import annotations

import numpy as np
import sympy as sp

from nablalab.assignments.catalog import reference_value
from nablalab.grader.spec import Assignment, Call, Close, FunctionRef, Mistake, Test

X = sp.Symbol("x")
COURSE_F = X**6 / 6 - 3 * X**4 - 2 * X**3 / 3 + sp.Rational(27, 2) * X**2 + 18 * X - 30
LEARNER_F = FunctionRef("learner", "f")
LEARNER_DF = FunctionRef("learner", "d_f")


def polynomial(expr: sp.Expr) -> FunctionRef:
    """A polynomial as the sandbox receives it: coefficients from the constant term up."""
    return FunctionRef("polynomial", coefficients=tuple(
        float(c) for c in reversed(sp.Poly(expr, X).all_coeffs())))


def _d_f_tests() -> list[Test]:
    exact = sp.lambdify(X, sp.diff(COURSE_F, X), "numpy")
    points = [(np.array([1.0, -4.0, 0.5]), True), (np.array([1.99, 3.1, -2.25, 0.0]), False)]
    forward = Mistake("d_f looks like a numerical approximation: write f′ exactly with the "
                      "power rule, term by term.",
                      lambda call, expected: expected, Close(rtol=1e-3, atol=1e-3))
    return [Test(f"d_f at {len(x)} points", Call("d_f", (x,)), 1 if public else 2, public,
                 exact(x), Close(rtol=1e-12, atol=1e-12), [forward],
                 hint="Differentiate each term: d/dx xⁿ = n xⁿ⁻¹ (x⁶/6 gives x⁵).")
            for x, public in points]


def _step_tests() -> list[Test]:
    cubic = X**3 - 2 * X - 5
    cases = [((LEARNER_F, LEARNER_DF, 1.0), True),
             ((polynomial(cubic), polynomial(sp.diff(cubic, X)), 2.0), False)]
    mistakes = [
        Mistake("Newton's step subtracts: x − f(x)/f′(x), not x + f(x)/f′(x).",
                lambda call, expected: 2 * call.args[2] - expected),
    ]
    return [Test(f"newton_step from x = {args[2]}", Call("newton_step", args),
                 1 if public else 2, public, reference_value("newton", Call("newton_step", args)),
                 Close(rtol=1e-10), mistakes, hint="x_next = x − f(x) / f′(x).")
            for args, public in cases]


def _iteration_tests() -> list[Test]:
    quartic = X**4 - 10 * X**2 + 9 * X - 1
    cases = [((LEARNER_F, LEARNER_DF, 1.0), True), ((LEARNER_F, LEARNER_DF, -4.5), False),
             ((polynomial(quartic), polynomial(sp.diff(quartic, X)), 3.0), False)]
    one_step = Mistake("newton_raphson stopped after one step: keep stepping until "
                       "|f(x)| < tolerance (or max_iterations is reached).",
                       lambda call, expected: reference_value(
                           "newton", Call("newton_step", call.args)), Close(rtol=1e-10))
    return [Test(f"newton_raphson from x0 = {args[2]}", Call("newton_raphson", args),
                 1 if public else 2, public,
                 reference_value("newton", Call("newton_raphson", args)),
                 Close(rtol=1e-8, atol=1e-10), [one_step],
                 hint="Repeat x = newton_step(f, df, x) and return the x where |f(x)| is tiny.")
            for args, public in cases]


def tests() -> list[Test]:
    return [*_d_f_tests(), *_step_tests(), *_iteration_tests()]


ASSIGNMENT = Assignment(
    name="newton",
    title="Newton–Raphson",
    functions=("d_f", "newton_step", "newton_raphson"),
    given=("np", "optimize", "f"),
    tests=tests,
)
