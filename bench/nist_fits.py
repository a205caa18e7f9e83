"""The 54 NIST StRD non-linear fits: nablalab's ``fit`` against SciPy's least_squares.

Run: ``.venv/bin/python -m bench.nist_fits``. Every solver gets the same model, data and
starting point, and (except the "finite differences" column, SciPy's default) the same AD
Jacobian; SciPy runs with tight tolerances (ftol = xtol = gtol = 1e-15). A fit succeeds
with at least 6 correct digits (NIST's LRE) in every parameter and in the residual sum of
squares. Times are the best of three runs, per fit; ours include parsing the model.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import scipy.optimize
from tests.regression.nist_problems import Problem, load_all, lre, param_lre

from nablalab.mathinput import parse
from nablalab.regression import fit
from nablalab.regression.model import Model

REQUIRED_DIGITS = 6.0
REPEATS = 3
RESULTS = Path(__file__).parent / "results" / "nist_fits.json"
SCIPY_OPTIONS = {"ftol": 1e-15, "xtol": 1e-15, "gtol": 1e-15, "max_nfev": 100_000}

Solver = Callable[[Problem, dict[str, float]], tuple[dict[str, float], float]]


def ours(refine: bool) -> Solver:
    def solve(problem: Problem, start: dict[str, float]) -> tuple[dict[str, float], float]:
        result = fit(problem.model, problem.x_data, problem.y, start,
                     independent=problem.independent, refine_digits=refine)
        return result.params, result.fun
    return solve


def scipy_least_squares(method: str, exact_jacobian: bool = True) -> Solver:
    def solve(problem: Problem, start: dict[str, float]) -> tuple[dict[str, float], float]:
        names = tuple(start)
        model = Model(parse(problem.model, variables=[*problem.independent, *names]).expr,
                      problem.independent, names)
        data = problem.x_data if isinstance(problem.x_data, dict) else {"x": problem.x_data}
        size = problem.y.size
        with np.errstate(all="ignore"):
            result = scipy.optimize.least_squares(
                lambda b: model.values(b, data, size) - problem.y,
                [start[name] for name in names],
                jac=(lambda b: model.jacobian(b, data, size)) if exact_jacobian else "2-point",
                method=method, **SCIPY_OPTIONS,
            )
        return dict(zip(names, result.x.tolist(), strict=True)), float(result.fun @ result.fun)
    return solve


SOLVERS: dict[str, Solver] = {
    "nablalab lm": ours(refine=True),
    "nablalab lm, no final polish": ours(refine=False),
    "scipy lm": scipy_least_squares("lm"),
    "scipy trf": scipy_least_squares("trf"),
    "scipy lm, finite differences": scipy_least_squares("lm", exact_jacobian=False),
}


def run_one(solver: Solver, problem: Problem, start: dict[str, float]) -> dict[str, float]:
    best = np.inf
    for _ in range(REPEATS):
        began = time.perf_counter()
        try:
            params, rss = solver(problem, start)
        except (ValueError, np.linalg.LinAlgError):
            params, rss = {name: np.nan for name in start}, np.nan
        best = min(best, time.perf_counter() - began)
    digits_params = param_lre(params, problem)
    digits_rss = lre(rss, problem.certified_rss)
    return {
        "lre_params": round(digits_params, 2),
        "lre_rss": round(digits_rss, 2),
        "success": bool(min(digits_params, digits_rss) >= REQUIRED_DIGITS),
        "seconds": best,
    }


def main() -> None:
    problems = load_all()
    rows = []
    for problem in problems:
        for index, start in enumerate(problem.starts, start=1):
            row = {"problem": problem.name, "start": index}
            for label, solver in SOLVERS.items():
                row[label] = run_one(solver, problem, start)
            rows.append(row)
    totals = {
        label: {
            "successes": sum(row[label]["success"] for row in rows),
            "fits": len(rows),
            "total_seconds": sum(row[label]["seconds"] for row in rows),
            "median_ms": 1e3 * float(np.median([row[label]["seconds"] for row in rows])),
        }
        for label in SOLVERS
    }
    _print_table(rows, totals)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"rows": rows, "totals": totals,
                                   "required_digits": REQUIRED_DIGITS}, indent=1))
    print(f"\nWritten to {RESULTS}")


def _print_table(rows: list[dict], totals: dict[str, dict]) -> None:
    labels = list(SOLVERS)
    print("LRE = correct significant digits (params: worst parameter; rss: residual sum of "
          "squares); ✗ = fewer than 6. Time per fit in ms.")
    header = f"{'problem':<10}{'st':>3} " + "".join(f"| {label[:28]:<26}" for label in labels)
    print(header)
    print(f"{'':<14}" + "".join(f"| {'params':>7}{'rss':>6}{'ms':>9}   " for _ in labels))
    print("-" * len(header))
    for row in rows:
        cells = []
        for label in labels:
            cell = row[label]
            mark = " " if cell["success"] else "✗"
            cells.append(f"| {cell['lre_params']:7.1f}{cell['lre_rss']:6.1f}"
                         f"{1e3 * cell['seconds']:9.1f} {mark} ")
        print(f"{row['problem']:<10}{row['start']:>3} " + "".join(cells))
    print("-" * len(header))
    for label in labels:
        total = totals[label]
        print(f"{label:<34} {total['successes']:>2}/{total['fits']} fits with ≥ "
              f"{REQUIRED_DIGITS:g} digits   total {total['total_seconds']:6.2f} s   "
              f"median {total['median_ms']:6.1f} ms/fit")


if __name__ == "__main__":
    main()
