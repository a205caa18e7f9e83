"""Tests for finite-difference Jacobians and Hessians, judged against EXACT derivatives.

The sandbox evaluates the runner's named numpy functions; here the same functions are
differentiated exactly by SymPy. A central difference with h = 1e-3 is within about 1e-6
of the exact value, a forward difference about 1e-3 away, which the tolerance separates.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import numpy as np
import sympy as sp

from nablalab.grader.runner import NAMED_FUNCTIONS
from nablalab.grader.spec import Assignment, Call, Close, FunctionRef, Mistake, Test

R, THETA, PHI, X, Y, Z = sp.symbols("r theta phi x y z", real=True)
SYMBOLIC = {
    "spherical": (
        (R, THETA, PHI),
        sp.Matrix(
            [R * sp.cos(THETA) * sp.sin(PHI), R * sp.sin(THETA) * sp.sin(PHI), R * sp.cos(PHI)]
        ),
    ),
    "swirl": ((X, Y), sp.Matrix([X**2 * Y, sp.exp(X) * sp.sin(Y), X - Y**3])),
    "cubic_quiz": ((X, Y), X**3 * Y + X + 2 * Y),
    "exp_cos": ((X, Y, Z), X * sp.exp(Y) + Y**2 * sp.cos(Z)),
    "bowl": ((X, Y), sp.sin(X) * sp.cos(Y) + X**2 * Y**2 / 2 - sp.exp(-X * Y)),
}
H = 1e-3
AGAINST_EXACT = Close(rtol=2e-5, atol=2e-5)
SAME_FORMULA = Close(rtol=1e-6, atol=1e-8)


@cache
def exact(name: str, order: int) -> Callable[..., np.ndarray]:
    """The exact Jacobian (order 1) or Hessian (order 2) of a named function."""
    symbols, expr = SYMBOLIC[name]
    derivative = (
        (
            sp.Matrix([expr]).jacobian(symbols)
            if not isinstance(expr, sp.Matrix)
            else expr.jacobian(symbols)
        )
        if order == 1
        else sp.hessian(expr, symbols)
    )
    if order == 1 and not isinstance(expr, sp.Matrix):
        derivative = derivative.reshape(1, len(symbols))
    return sp.lambdify(symbols, derivative, "numpy")


def forward_jacobian(name: str, x: np.ndarray, h: float) -> np.ndarray:
    f = NAMED_FUNCTIONS[name]
    return np.array([(np.asarray(f(x + h * e)) - np.asarray(f(x))) / h for e in np.eye(x.size)]).T


def forward_hessian(name: str, x: np.ndarray, h: float) -> np.ndarray:
    f = NAMED_FUNCTIONS[name]
    steps = np.eye(x.size) * h
    return np.array(
        [[(f(x + si + sj) - f(x + si) - f(x + sj) + f(x)) / h**2 for sj in steps] for si in steps]
    )


FORWARD = (
    "Use central differences (f(x + h) − f(x − h)) / 2h: forward differences are only "
    "accurate to O(h)."
)


def _jacobian_tests() -> list[Test]:
    cases = [
        ("swirl", np.array([0.7, -1.2]), True),
        ("spherical", np.array([2.0, 0.4, 1.1]), False),
        ("swirl", np.array([-1.5, 2.0]), False),
    ]
    mistakes = [
        Mistake(
            FORWARD,
            lambda call, e: forward_jacobian(call.args[0].name, call.args[1], H),
            SAME_FORMULA,
        ),
        Mistake(
            "Your Jacobian is transposed: row i holds the derivatives of output i, so the "
            "shape is (outputs, inputs).",
            lambda call, expected: expected.T,
            AGAINST_EXACT,
        ),
    ]
    return [
        Test(
            f"jacobian_fd of {name} at {x.tolist()}",
            Call("jacobian_fd", (FunctionRef("named", name), x, H)),
            1 if public else 2,
            public,
            np.asarray(exact(name, 1)(*x), dtype=float),
            AGAINST_EXACT,
            mistakes,
        )
        for name, x, public in cases
    ]


def _hessian_tests() -> list[Test]:
    cases = [
        ("cubic_quiz", np.array([1.0, 2.0]), True),
        ("exp_cos", np.array([0.5, -0.3, 1.2]), False),
        ("bowl", np.array([0.8, -0.6]), False),
    ]
    mistakes = [
        Mistake(
            FORWARD,
            lambda call, e: forward_hessian(call.args[0].name, call.args[1], H),
            SAME_FORMULA,
        )
    ]
    return [
        Test(
            f"hessian_fd of {name} at {x.tolist()}",
            Call("hessian_fd", (FunctionRef("named", name), x, H)),
            1 if public else 2,
            public,
            np.asarray(exact(name, 2)(*x), dtype=float),
            AGAINST_EXACT,
            mistakes,
            hint="H[i, j] needs four evaluations around x, divided by 4h².",
        )
        for name, x, public in cases
    ]


def tests() -> list[Test]:
    return [*_jacobian_tests(), *_hessian_tests()]


ASSIGNMENT = Assignment(
    name="finite_differences",
    title="Finite-difference Jacobian and Hessian",
    functions=("jacobian_fd", "hessian_fd"),
    given=("np",),
    tests=tests,
)
