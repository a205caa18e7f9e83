"""Solver times for nablalab.optimize and nablalab.taylor, with SciPy alongside.

Each row: the median wall time of a few runs, the iterations used and the distance of the
answer from a reference (a SciPy root, or the exact Rosenbrock minimum (1, 1), which SciPy's
own row is measured against too). Symbolic rows time the whole call, SymPy included.
Run: ``python -m bench.optimize_solvers``; figures go to bench/results/optimize_solvers.json.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import sympy as sp
from scipy.optimize import brentq, rosen, rosen_der, rosen_hess
from scipy.optimize import minimize as scipy_minimize
from scipy.optimize import root as scipy_root

from nablalab.optimize import minimize, newton_raphson, solve_lagrange
from nablalab.optimize.lagrange import lagrange_system
from nablalab.taylor import linearise, remainder_bound, taylor_series

RESULTS = Path(__file__).parent / "results" / "optimize_solvers.json"
x, y = sp.symbols("x y", real=True)
SEXTIC = x**6 / 6 - 3 * x**4 - 2 * x**3 / 3 + sp.Rational(27, 2) * x**2 + 18 * x - 30
COURSE_F = sp.exp(-(2 * x**2 + y**2 - x * y) / 2)
COURSE_G = x**2 + 3 * (y + 1) ** 2 - 1


def median_ms(run: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    answer = run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3, answer


def main() -> None:
    sextic = sp.lambdify(x, SEXTIC)
    dl = sp.lambdify([(x, y, sp.Symbol("lambda", real=True))],
                     list(lagrange_system(COURSE_F, [COURSE_G]).equations))
    rosen_reference = np.ones(2)
    options = {"momentum": {"gamma": 1e-3}, "adam": {"rate": 0.01}}
    tasks: dict[str, tuple[Callable[[], Any], Callable[[Any], float], int]] = {
        "Newton–Raphson, course sextic from -4": (
            lambda: newton_raphson(SEXTIC, -4),
            lambda r: abs(r.x - brentq(sextic, -4, -3.5)), 20),
        "Newton–Raphson, course sextic from 1.99": (
            lambda: newton_raphson(SEXTIC, 1.99),
            lambda r: abs(r.x - brentq(sextic, -4, -3.5)), 20),
        **{
            f"minimize {method}, Rosenbrock": (
                lambda method=method: minimize(rosen, [-1.2, 1], method, jac=rosen_der,
                                               hess=rosen_hess, maxiter=30_000,
                                               **options.get(method, {})),
                lambda r: float(np.linalg.norm(r.x - rosen_reference)),
                1 if method == "backtracking" else 3)
            for method in ("newton", "hybrid", "backtracking", "momentum", "adam")
        },
        "scipy Newton-CG, Rosenbrock (reference)": (
            lambda: scipy_minimize(rosen, [-1.2, 1], jac=rosen_der, hess=rosen_hess,
                                   method="Newton-CG"),
            lambda r: float(np.linalg.norm(r.x - rosen_reference)), 20),
        "solve_lagrange, course problem": (
            lambda: solve_lagrange(COURSE_F, [COURSE_G], [-1, -1, 0]),
            lambda r: float(np.linalg.norm(r.solution - scipy_root(dl, [-1, -1, 0]).x)), 5),
        "taylor_series e^(x^2), order 6 (with radius)": (
            lambda: taylor_series(sp.exp(x**2), 0, 6),
            lambda r: float(abs(sp.expand(r.polynomial) - sp.series(sp.exp(x**2), x, 0, 7)
                                .removeO()).subs(x, 1)), 3),
        "remainder_bound sin, order 5 on [-1, 2]": (
            lambda: remainder_bound(taylor_series(sp.sin(x), 0, 5, with_convergence=False),
                                    (-1, 2)),
            lambda r: abs(r.max_derivative - 1.0), 3),
        "linearise + error table, course 2-D example": (
            lambda: linearise(x * y**2 * sp.exp(-(x**4) - y**2 / 2), (-1, 2)).error_table(),
            lambda r: abs(r.rows[-1]["reduction"] - 4), 5),
    }
    rows = []
    for name, (run, error, repeats) in tasks.items():
        ms, answer = median_ms(run, repeats)
        nit = getattr(answer, "nit", None)
        rows.append({"task": name, "median_ms": ms, "iterations": nit,
                     "difference_from_reference": error(answer)})
    print(f"{'task':<48} {'median ms':>10} {'iters':>7} {'|Δ| vs ref':>11}")
    for row in rows:
        iters = "" if row["iterations"] is None else row["iterations"]
        print(f"{row['task']:<48} {row['median_ms']:>10.2f} {iters!s:>7} "
              f"{row['difference_from_reference']:>11.2e}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(rows, indent=2, default=int))


if __name__ == "__main__":
    main()
