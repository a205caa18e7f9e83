"""Time one training step (forward + backward + SGD update) of two networks, three ways.

(a) the course's heart-curve network 1→6→7→2, logistic activations on every layer,
    all 100 samples per step, cost |a3 − y|² / N;
(b) a 784→128→10 network, ReLU hidden layer, softmax cross-entropy cost (mean over the
    batch), on a batch of 64 random inputs with random one-hot labels.

Each is trained by our reverse-mode ``Tensor`` engine, by hand-written NumPy backprop and
by PyTorch on the CPU (thread count matched to NumPy's BLAS). Before timing, the three
gradients are checked to agree. Run: ``python -m bench.autodiff_training``.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

from nablalab.numeric.autodiff import Tensor, sigmoid_array

RESULTS = Path(__file__).parent / "results" / "autodiff_training.json"
LEARNING_RATE = 0.1


# ---------------------------------------------------------------------- data and weights
def heart_data(n: int = 100) -> tuple[np.ndarray, np.ndarray]:
    """Inputs t ∈ [0, 1] (1×n) and the heart curve rescaled into [0, 1] (2×n)."""
    t = np.linspace(0.0, 1.0, n)
    x = 16 * np.sin(2 * np.pi * t) ** 3
    y = 13 * np.cos(2 * np.pi * t) - 5 * np.cos(4 * np.pi * t) - 2 * np.cos(6 * np.pi * t)
    y = y - np.cos(8 * np.pi * t)
    curve = np.stack([x, y]) / 20
    curve = (curve - curve.min()) / (curve.max() - curve.min())
    return t[np.newaxis, :], curve


def course_weights(rng: np.random.Generator) -> list[np.ndarray]:
    """W1, b1, W2, b2, W3, b3 drawn as randn/2, column-vector layout (W @ a + b)."""
    sizes = [1, 6, 7, 2]
    params = []
    for n_in, n_out in pairwise(sizes):
        params += [rng.standard_normal((n_out, n_in)) / 2, rng.standard_normal((n_out, 1)) / 2]
    return params


def mnist_like(rng: np.random.Generator) -> tuple[list[np.ndarray], np.ndarray, np.ndarray]:
    """He-initialised 784→128→10 weights (row layout X @ W + b) and one random batch."""
    w1 = rng.standard_normal((784, 128)) * np.sqrt(2 / 784)
    w2 = rng.standard_normal((128, 10)) * np.sqrt(2 / 128)
    x = rng.random((64, 784))
    y = np.eye(10)[rng.integers(0, 10, 64)]
    return [w1, np.zeros(128), w2, np.zeros(10)], x, y


# ---------------------------------------------------------------------- the costs
def course_cost(ws: list[Any], x: Any, y: Any, sigmoid: Callable) -> Any:
    """|a3 − y|² / N of the 1→6→7→2 logistic network; works on Tensors and torch tensors."""
    a = x
    for i in range(0, 6, 2):
        a = sigmoid(ws[i] @ a + ws[i + 1])
    return ((a - y) ** 2).sum() / x.shape[1]


def mnist_cost(ws: list[Any], x: Any, y: Any, log_softmax: Callable) -> Any:
    """Mean softmax cross-entropy of the 784→128→10 ReLU network (rows are samples)."""
    hidden = (x @ ws[0] + ws[1]).relu()
    return -(y * log_softmax(hidden @ ws[2] + ws[3])).sum() / x.shape[0]


def course_numpy_grads(params: list[np.ndarray], x: np.ndarray, y: np.ndarray) -> list[np.ndarray]:
    """The course's backpropagation by hand: J_W = δ @ aᵀ / N, J_b = Σ δ / N."""
    w1, b1, w2, b2, w3, b3 = params
    n = x.shape[1]
    a1 = sigmoid_array(w1 @ x + b1)
    a2 = sigmoid_array(w2 @ a1 + b2)
    a3 = sigmoid_array(w3 @ a2 + b3)
    d3 = 2 * (a3 - y) / n * a3 * (1 - a3)
    d2 = (w3.T @ d3) * a2 * (1 - a2)
    d1 = (w2.T @ d2) * a1 * (1 - a1)
    return [d1 @ x.T, d1.sum(axis=1, keepdims=True), d2 @ a1.T, d2.sum(axis=1, keepdims=True),
            d3 @ a2.T, d3.sum(axis=1, keepdims=True)]


def mnist_numpy_grads(params: list[np.ndarray], x: np.ndarray, y: np.ndarray) -> list[np.ndarray]:
    """Softmax cross-entropy backprop by hand: δ2 = (softmax − y) / B."""
    w1, b1, w2, b2 = params
    z1 = x @ w1 + b1
    hidden = np.maximum(z1, 0.0)
    logits = hidden @ w2 + b2
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    d2 = (e / e.sum(axis=1, keepdims=True) - y) / x.shape[0]
    d1 = (d2 @ w2.T) * (z1 > 0.0)
    return [x.T @ d1, d1.sum(axis=0), hidden.T @ d2, d2.sum(axis=0)]


# ---------------------------------------------------------------------- the three engines
class Ours:
    name = "ours"

    def __init__(self, cost: Callable, params: list[np.ndarray], x: np.ndarray, y: np.ndarray):
        self.ws = [Tensor(p.copy(), requires_grad=True) for p in params]
        self.x, self.y = Tensor(x), Tensor(y)
        self.cost = cost

    def gradients(self) -> list[np.ndarray]:
        self.cost(self.ws, self.x, self.y).backward()
        grads = [w.grad for w in self.ws]
        for w in self.ws:
            w.zero_grad()
        return grads

    def step(self) -> None:
        self.cost(self.ws, self.x, self.y).backward()
        for w in self.ws:
            w.data -= LEARNING_RATE * w.grad
            w.grad = None


class HandNumpy:
    name = "numpy"

    def __init__(self, grads: Callable, params: list[np.ndarray], x: np.ndarray, y: np.ndarray):
        self.ps = [p.copy() for p in params]
        self.x, self.y = x, y
        self.grads = grads

    def step(self) -> None:
        for p, g in zip(self.ps, self.grads(self.ps, self.x, self.y), strict=True):
            p -= LEARNING_RATE * g


class Torch:
    name = "torch"

    def __init__(self, cost: Callable, params: list[np.ndarray], x: np.ndarray, y: np.ndarray):
        import torch

        self.torch = torch
        self.ps = [torch.tensor(p, requires_grad=True) for p in params]
        self.x, self.y = torch.tensor(x), torch.tensor(y)
        self.cost = cost

    def gradients(self) -> list[np.ndarray]:
        self.cost(self.ps, self.x, self.y).backward()
        grads = [p.grad.numpy().copy() for p in self.ps]
        for p in self.ps:
            p.grad = None
        return grads

    def step(self) -> None:
        self.cost(self.ps, self.x, self.y).backward()
        with self.torch.no_grad():
            for p in self.ps:
                p -= LEARNING_RATE * p.grad
                p.grad = None


def relative_difference(got: list[np.ndarray], want: list[np.ndarray]) -> float:
    return max(float(np.max(np.abs(g - w)) / np.max(np.abs(w))) for g, w in zip(got, want,
                                                                               strict=True))


def per_step_us(steps: dict[str, Callable[[], None]], block: int, blocks: int
                ) -> dict[str, float]:
    """Median over ``blocks`` timed blocks of ``block`` steps, in µs per step.

    The engines' blocks are interleaved, in a shuffled order each round, so load from other
    processes on the machine falls on all of them alike.
    """
    for step in steps.values():
        for _ in range(3 * block):
            step()
    times: dict[str, list[float]] = {name: [] for name in steps}
    order = list(steps)
    shuffle = random.Random(0).shuffle
    for _ in range(blocks):
        shuffle(order)
        for name in order:
            step = steps[name]
            start = time.perf_counter()
            for _ in range(block):
                step()
            times[name].append((time.perf_counter() - start) / block)
    return {name: statistics.median(t) * 1e6 for name, t in times.items()}


@dataclass(frozen=True)
class Case:
    """One network: its data, its cost for our engine and for torch, its hand backprop,
    and how to time it (``blocks`` timed blocks of ``block`` steps)."""

    name: str
    data: tuple[list[np.ndarray], np.ndarray, np.ndarray]
    ours_cost: Callable
    torch_cost: Callable
    numpy_grads: Callable
    block: int
    blocks: int


def main() -> None:
    import torch

    threads = int(os.environ.get("OPENBLAS_NUM_THREADS", os.cpu_count() or 1))
    torch.set_num_threads(threads)
    rng = np.random.default_rng(0)
    cases = [
        Case("course 1-6-7-2 sigmoid, N=100, |a3-y|^2/N", (course_weights(rng), *heart_data()),
             partial(course_cost, sigmoid=Tensor.sigmoid),
             partial(course_cost, sigmoid=torch.sigmoid), course_numpy_grads, 20, 200),
        Case("784-128-10 relu, batch 64, softmax cross-entropy", mnist_like(rng),
             partial(mnist_cost, log_softmax=Tensor.log_softmax),
             partial(mnist_cost, log_softmax=partial(torch.log_softmax, dim=1)),
             mnist_numpy_grads, 4, 100),
    ]
    report: dict[str, dict[str, float]] = {}
    print(f"threads: NumPy BLAS {threads}, torch {torch.get_num_threads()}; per-step time = "
          "median over timed blocks (ours and numpy interleaved)")
    print(f"{'network':50} {'ours µs':>9} {'numpy µs':>9} {'torch µs':>9} "
          f"{'ours/np':>8} {'ours/torch':>10} {'grad diff':>10}")
    for case in cases:
        ours, torch_engine = Ours(case.ours_cost, *case.data), Torch(case.torch_cost, *case.data)
        engines = [ours, HandNumpy(case.numpy_grads, *case.data), torch_engine]
        reference = case.numpy_grads(*case.data)
        difference = max(relative_difference(engine.gradients(), reference)
                         for engine in (ours, torch_engine))
        # Ours and NumPy interleaved; PyTorch on its own afterwards, because its OpenMP
        # workers keep spinning after each step and would starve the next engine's BLAS.
        times = per_step_us({e.name: e.step for e in engines[:2]}, case.block, case.blocks)
        times |= per_step_us({"torch": torch_engine.step}, case.block, case.blocks)
        row = {f"{k}_us": v for k, v in times.items()}
        row["ours_over_numpy"] = times["ours"] / times["numpy"]
        row["ours_over_torch"] = times["ours"] / times["torch"]
        row["max_relative_grad_difference"] = difference
        report[case.name] = row
        print(f"{case.name:50} {times['ours']:9.1f} {times['numpy']:9.1f} "
              f"{times['torch']:9.1f} {row['ours_over_numpy']:8.2f} "
              f"{row['ours_over_torch']:10.2f} {difference:10.1e}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"threads": threads, "cases": report}, indent=2))
    print(f"written {RESULTS}")


if __name__ == "__main__":
    main()
