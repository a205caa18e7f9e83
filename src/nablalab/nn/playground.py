"""A small 2-D classification toolkit, the engine behind a TensorFlow-Playground-like widget.

Datasets are points in the square [−1, 1]² (plus any noise) with labels 0 or 1, laid out
in the course's convention: x of shape (2, N), labels of shape (1, N). A classifier is a
network with two inputs and one logistic output read as P(label = 1), trained on the
course's cost |a(L) − y|² / N. The widget trains for a few steps, redraws the decision
boundary from :func:`decision_grid`, and repeats.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from nablalab.nn.activations import Activation
from nablalab.nn.network import Network, Parameters
from nablalab.nn.training import sgd
from nablalab.numeric.result import Result

Points = tuple[np.ndarray, np.ndarray]


def _circle(n: int, rng: np.random.Generator) -> Points:
    """Label 1 inside radius 0.5, label 0 on a ring between radii 0.7 and 1."""
    labels = np.arange(n) % 2
    radius = np.where(labels == 1, rng.uniform(0.0, 0.5, n), rng.uniform(0.7, 1.0, n))
    angle = rng.uniform(0.0, 2 * np.pi, n)
    return radius * np.array([np.cos(angle), np.sin(angle)]), labels


def _xor(n: int, rng: np.random.Generator) -> Points:
    """Label 1 where the coordinates share a sign; a small gap keeps points off the axes."""
    labels = np.arange(n) % 2
    first_sign = rng.choice([-1.0, 1.0], n)
    signs = np.array([first_sign, np.where(labels == 1, first_sign, -first_sign)])
    return rng.uniform(0.05, 1.0, (2, n)) * signs, labels


def _gaussians(n: int, rng: np.random.Generator) -> Points:
    """Two round clusters (standard deviation 0.25) centred at ±(0.5, 0.5)."""
    labels = np.arange(n) % 2
    centres = np.where(labels == 1, 0.5, -0.5)
    return centres + 0.25 * rng.standard_normal((2, n)), labels


def _spiral(n: int, rng: np.random.Generator) -> Points:
    """Two interleaved spirals, each turning 1.75 times as the radius grows from 0 to 1."""
    labels = np.arange(n) % 2
    progress = rng.uniform(0.0, 1.0, n)
    angle = 1.75 * 2 * np.pi * progress + np.pi * labels
    return progress * np.array([np.sin(angle), np.cos(angle)]), labels


def _moons(n: int, rng: np.random.Generator) -> Points:
    """Two interlocking half-circles, centred and scaled into [−1, 1]²: label 0 on the upper
    arc, label 1 on the lower one."""
    labels = np.arange(n) % 2
    angle = rng.uniform(0.0, np.pi, n)
    upper = np.array([np.cos(angle), np.sin(angle)])
    lower = np.array([1 - np.cos(angle), 0.5 - np.sin(angle)])
    points = np.where(labels == 1, lower, upper)
    return (points - np.array([[0.5], [0.25]])) / 1.5, labels


DATASETS: dict[str, Callable[[int, np.random.Generator], Points]] = {
    "circle": _circle,
    "xor": _xor,
    "gaussians": _gaussians,
    "spiral": _spiral,
    "moons": _moons,
}


def make_dataset(
    name: str, n_samples: int = 200, *, noise: float = 0.0, seed: int | None = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Points x (2, N) and labels (1, N) of a named dataset, with Gaussian noise added, seeded."""
    if name not in DATASETS:
        raise ValueError(f"Unknown dataset {name!r}: choose one of {', '.join(DATASETS)}.")
    if n_samples < 2:
        raise ValueError(f"n_samples must be at least 2 (one of each label), got {n_samples}.")
    if noise < 0:
        raise ValueError(f"noise is a standard deviation and cannot be negative, got {noise}.")
    rng = np.random.default_rng(seed)
    points, labels = DATASETS[name](n_samples, rng)
    points = points + noise * rng.standard_normal(points.shape)
    return points, labels.reshape(1, n_samples).astype(float)


def classifier_network(
    hidden: Sequence[int] = (4, 4),
    activation: str | Activation = "tanh",
    *,
    seed: int | None = 0,
    scale: float = 0.5,
) -> Network:
    """A 2 → hidden → 1 network: ``activation`` on hidden layers, logistic on the output."""
    layers = len(hidden)
    return Network.random(
        (2, *hidden, 1), [activation] * layers + ["logistic"], seed=seed, scale=scale
    )


def accuracy(network: Network, x: np.ndarray, labels: np.ndarray) -> float:
    """The fraction of points on the right side of the 0.5 boundary."""
    predicted = network.predict(x) > 0.5
    return float(np.mean(predicted == (np.asarray(labels) > 0.5)))


@dataclass(frozen=True, eq=False)
class DecisionGrid:
    """P(label = 1) on a regular grid: ``probability[i, k]`` is at (xs[k], ys[i])."""

    xs: np.ndarray
    ys: np.ndarray
    probability: np.ndarray

    def to_dict(self) -> dict[str, list]:
        return {
            "xs": self.xs.tolist(),
            "ys": self.ys.tolist(),
            "probability": self.probability.tolist(),
        }


def decision_grid(
    network: Network,
    *,
    bounds: tuple[float, float, float, float] = (-1.5, 1.5, -1.5, 1.5),
    resolution: int = 50,
) -> DecisionGrid:
    """The classifier's output over the rectangle (x_min, x_max, y_min, y_max), one batch."""
    x_min, x_max, y_min, y_max = bounds
    if not (x_min < x_max and y_min < y_max) or resolution < 2:
        raise ValueError(
            "bounds must be (x_min, x_max, y_min, y_max) with min < max, and resolution ≥ 2."
        )
    xs = np.linspace(x_min, x_max, resolution)
    ys = np.linspace(y_min, y_max, resolution)
    grid_x, grid_y = np.meshgrid(xs, ys)
    points = np.vstack([grid_x.ravel(), grid_y.ravel()])
    return DecisionGrid(xs, ys, network.predict(points).reshape(resolution, resolution))


def train_classifier(
    network: Network,
    x: np.ndarray,
    labels: np.ndarray,
    *,
    steps: int,
    learning_rate: float = 0.5,
    batch_size: int | None = 10,
    momentum: float = 0.9,
    seed: int | None = None,
    velocity: Parameters | None = None,
    resolution: int = 50,
) -> Result:
    """Train for ``steps`` mini-batch steps; the Result also carries accuracy and the grid.

    ``extra["accuracy"]`` and ``extra["grid"]`` (a :class:`DecisionGrid`) are what a widget
    redraws; pass ``extra["velocity"]`` back as ``velocity`` to continue smoothly.
    """
    result = sgd(
        network,
        x,
        labels,
        iterations=steps,
        learning_rate=learning_rate,
        batch_size=None if batch_size is None else min(batch_size, np.shape(x)[1]),
        momentum=momentum,
        seed=seed,
        velocity=velocity,
    )
    result.extra["accuracy"] = accuracy(result.network, x, labels)
    result.extra["grid"] = decision_grid(result.network, resolution=resolution)
    return result
