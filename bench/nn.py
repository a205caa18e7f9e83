"""Neural-network engine figures: one Jacobian by hand, by the autodiff engine and by
HIPS autograd; the heart network trained as the course trains it; a playground tick.

Run: ``.venv/bin/python -m bench.nn`` (writes bench/results/nn.json).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from nablalab.nn import (
    autodiff_backprop,
    backprop,
    classifier_network,
    gradient_check,
    heart_data,
    heart_network,
    make_dataset,
    train_classifier,
    train_heart,
)

RESULTS = Path(__file__).parent / "results" / "nn.json"


def _per_call(fn: Callable[[], object], repeat: int) -> float:
    """Best-of-three mean time of one call, in seconds."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(repeat):
            fn()
        best = min(best, (time.perf_counter() - start) / repeat)
    return best


def _autograd_jacobians() -> Callable[[], object] | None:
    try:
        import autograd.numpy as anp
        from autograd import grad
    except ImportError:
        return None
    net, (x, y) = heart_network(0), heart_data()

    def cost(params: list) -> float:
        a = x
        for j in range(3):
            a = 1 / (1 + anp.exp(-(params[2 * j] @ a + params[2 * j + 1])))
        return anp.sum((a - y) ** 2) / x.shape[1]

    gradient = grad(cost)
    params = list(net.parameters().values())
    return lambda: gradient(params)


def main() -> dict[str, float]:
    net, (x, y) = heart_network(0), heart_data()
    figures: dict[str, float] = {
        "jacobians_explicit_us": 1e6 * _per_call(lambda: backprop(net, x, y), 2000),
        "jacobians_autodiff_us": 1e6 * _per_call(lambda: autodiff_backprop(net, x, y), 500),
    }
    reference = _autograd_jacobians()
    if reference is not None:
        figures["jacobians_autograd_us"] = 1e6 * _per_call(reference, 500)

    start = time.perf_counter()
    heart = train_heart(iterations=20_000, seed=0)
    figures["heart_20k_iterations_s"] = time.perf_counter() - start
    figures["heart_initial_cost"] = heart.initial_cost
    figures["heart_final_cost"] = heart.fun
    figures["gradient_check_heart_ms"] = 1e3 * _per_call(lambda: gradient_check(net, x, y), 3)

    points, labels = make_dataset("circle", 200, noise=0.05, seed=1)
    classifier = classifier_network((8, 8), "tanh", seed=0)
    figures["playground_tick_10_steps_ms"] = 1e3 * _per_call(
        lambda: train_classifier(classifier, points, labels, steps=10, seed=0), 20
    )

    print(f"{'figure':<32}{'value':>14}")
    for name, value in figures.items():
        print(f"{name:<32}{value:>14.4g}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2))
    return figures


if __name__ == "__main__":
    main()
