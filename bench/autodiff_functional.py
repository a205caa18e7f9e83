"""Gradient, Jacobian and Hessian of 100-variable functions: ours against HIPS autograd.

* gradient and Hessian of the extended Rosenbrock function
  f(x) = Σ 100 (x_{i+1} − x_i²)² + (1 − x_i)²;
* Jacobian of F(x) = tanh(A x) + x² sin x (R¹⁰⁰ → R¹⁰⁰, A a fixed random matrix), in our
  automatic choice (forward columns for a square map) and in reverse mode.

For each: the median wall time of several runs and the largest difference from autograd,
relative to autograd's largest entry. Run: ``python -m bench.autodiff_functional``.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import autograd
import autograd.numpy as anp
import numpy as np

from nablalab.numeric import autodiff as ad
from nablalab.numeric.functional import grad, hessian, jacobian

RESULTS = Path(__file__).parent / "results" / "autodiff_functional.json"
N = 100


def rosenbrock(x: Any) -> Any:
    return (100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1.0 - x[:-1]) ** 2).sum()


def vector_field(matrix: np.ndarray, lib: Any) -> Callable[[Any], Any]:
    return lambda x: lib.tanh(matrix @ x) + x**2 * lib.sin(x)


def median_ms(run: Callable[[], Any], repeats: int) -> float:
    run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def relative_difference(ours: np.ndarray, reference: np.ndarray) -> float:
    return float(np.max(np.abs(ours - reference)) / np.max(np.abs(reference)))


def main() -> None:
    rng = np.random.default_rng(0)
    x = rng.uniform(-1.0, 2.0, N)
    matrix = rng.standard_normal((N, N)) / np.sqrt(N)
    tasks: dict[str, tuple[Callable[[], np.ndarray], Callable[[], np.ndarray], int]] = {
        "gradient, Rosenbrock n=100": (
            lambda: grad(rosenbrock)(x), lambda: autograd.grad(rosenbrock)(x), 200),
        "Jacobian 100x100, auto (forward)": (
            lambda: jacobian(vector_field(matrix, ad))(x),
            lambda: autograd.jacobian(vector_field(matrix, anp))(x), 10),
        "Jacobian 100x100, reverse": (
            lambda: jacobian(vector_field(matrix, ad), mode="reverse")(x),
            lambda: autograd.jacobian(vector_field(matrix, anp))(x), 10),
        "Hessian, Rosenbrock n=100": (
            lambda: hessian(rosenbrock)(x), lambda: autograd.hessian(rosenbrock)(x), 10),
    }
    report = {}
    print(f"{'task':34} {'ours ms':>9} {'autograd ms':>12} {'ours/autograd':>14} "
          f"{'max rel diff':>13}")
    for name, (ours, reference, repeats) in tasks.items():
        difference = relative_difference(ours(), reference())
        ours_ms = median_ms(ours, repeats)
        reference_ms = median_ms(reference, repeats)
        report[name] = {"ours_ms": ours_ms, "autograd_ms": reference_ms,
                        "ours_over_autograd": ours_ms / reference_ms,
                        "max_relative_difference": difference}
        print(f"{name:34} {ours_ms:9.3f} {reference_ms:12.3f} {ours_ms / reference_ms:14.2f} "
              f"{difference:13.1e}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2))
    print(f"written {RESULTS}")


if __name__ == "__main__":
    main()
