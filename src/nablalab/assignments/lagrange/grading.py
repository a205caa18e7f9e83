"""Tests for "Lagrange multipliers": DL against SymPy's derivatives of f and g (independent of
the reference), and solve judged by whether it returns a genuine root of the true DL."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import numpy as np
import sympy as sp

from nablalab.grader.spec import Assignment, Call, Close, FunctionRef, Mistake, Test

X, Y = sp.symbols("x y", real=True)
PROBLEMS = {
    1: (sp.exp(-(2 * X**2 + Y**2 - X * Y) / 2), X**2 + 3 * (Y + 1) ** 2 - 1),
    2: (-sp.exp(X - Y**2 + X * Y), sp.cosh(Y) + X - 2),
}


@cache
def parts(problem: int) -> Callable[[float, float], tuple[float, ...]]:
    """(f_x, f_y, g_x, g_y, g) at a point, from SymPy."""
    f, g = PROBLEMS[problem]
    return sp.lambdify((X, Y), (sp.diff(f, X), sp.diff(f, Y), sp.diff(g, X), sp.diff(g, Y), g))


def true_dl(problem: int, xyl: np.ndarray, lam_sign: float = 1.0, g_sign: float = -1.0):
    fx, fy, gx, gy, g = parts(problem)(xyl[0], xyl[1])
    lam = lam_sign * xyl[2]
    return np.array([fx - lam * gx, fy - lam * gy, g_sign * g], dtype=float)


def _dl_tests(problem: int) -> list[Test]:
    rng = np.random.default_rng(problem)
    points = [(np.array([-1.0, -1.0, 0.5]), True)] + [
        (rng.uniform(-1.5, 1.5, 3), False) for _ in range(2)]
    mistakes = [
        Mistake("Sign of λ: DL = [f_x − λ g_x, f_y − λ g_y, −g] (you added λ ∇g).",
                lambda call, expected: true_dl(problem, call.args[0], lam_sign=-1.0)),
        Mistake("The last component is −g(x, y), not +g.",
                lambda call, expected: true_dl(problem, call.args[0], g_sign=1.0)),
        Mistake("DL has three components: the two gradient rows AND −g, the constraint.",
                lambda call, expected: expected[:2]),
    ]
    name = f"DL{problem}"
    return [Test(f"{name} at {np.round(p, 3).tolist()}", Call(name, (p,)), 1 if public else 2,
                 public, true_dl(problem, p), Close(rtol=1e-9, atol=1e-12, ravel=True), mistakes,
                 hint="Differentiate f and g by x and by y; the chain rule gives f_x = f · (...).")
            for p, public in points]


def is_root_of(problem: int) -> Close:
    """Judge solve's answer: a point where the TRUE DL vanishes (any root the start leads to)."""

    class Root(Close):
        def __call__(self, actual: object, expected: object) -> bool:
            try:
                point = np.asarray(actual, dtype=float).ravel()
            except (TypeError, ValueError):
                return False
            return point.shape == (3,) and bool(
                np.all(np.abs(true_dl(problem, point)) < 1e-7))

    return Root()


def _root(problem: int, start: tuple[float, ...]) -> np.ndarray:
    from scipy import optimize

    return optimize.root(lambda p: true_dl(problem, p), np.array(start)).x


def _solve_tests() -> list[Test]:
    cases = [(1, (-1.0, -1.0, 0.0), True), (1, (0.5, -0.5, 0.0), False),
             (2, (1.0, 0.0, 0.0), False)]
    return [Test(f"solve DL{problem} from {start}",
                 Call("solve", (FunctionRef("learner", f"DL{problem}"), np.array(start))),
                 1 if public else 2, public, _root(problem, start), is_root_of(problem),
                 hint=f"solve must return optimize.root(DL, x0).x; if DL{problem} fails its "
                      "tests, fix it first.")
            for problem, start, public in cases]


def tests() -> list[Test]:
    return [*_dl_tests(1), *_dl_tests(2), *_solve_tests()]


ASSIGNMENT = Assignment(
    name="lagrange",
    title="Lagrange multipliers",
    functions=("DL1", "DL2", "solve"),
    given=("np", "optimize", "f1", "g1", "f2", "g2"),
    tests=tests,
)
