"""Neural networks training live: the course's 1→6→7→2 heart-curve network and a small 2-D
classification playground. Training is stateless and chunked: the page sends the weights it
holds (and the iteration count, which seeds the chunk's randomness), the server advances
them by nablalab.nn's own training loops and sends back the new weights with everything the
page draws, so the page animates by asking for one chunk after another."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import numpy as np
from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from nablalab.nn import (
    Network,
    Parameters,
    accuracy,
    backprop,
    classifier_network,
    heart_curve,
    heart_data,
    heart_network,
    make_dataset,
    steepest_descent,
    train_classifier,
)
from nablalab.web.explore.functions import finite, limited, remembered

router = Router(tags=["widgets"])
CURVE_SAMPLES = 201
MAX_WEIGHT = 1e6  # beyond this a network has diverged; refusing keeps the maths finite
MAX_SEED = 2**31 - 1
PLAYGROUND_POINTS = 200  # each of the training and the test set
PLAYGROUND_BATCH = 10
PLAYGROUND_MOMENTUM = 0.9
GRID_RESOLUTION = 50
DATASET_NAMES = {"circles": "circle", "xor": "xor", "spiral": "spiral", "gaussians": "gaussians",
                 "moons": "moons"}

WeightsIn = dict[str, list[list[float | None]]]  # null: a value that overflowed


def chunk_seed(seed: int, iteration: int) -> int:
    """The random stream of the chunk that starts at ``iteration``: a chunk is reproducible
    from what the page sends, and consecutive chunks draw fresh numbers."""
    return seed * 2**32 + iteration


def _network(template: Network, weights: WeightsIn | None, what: str = "weights") -> Network:
    """``template`` carrying the weights the page sent back, or a 422 saying they do not fit."""
    if weights is None:
        return template
    try:
        network = template.with_parameters({k: np.asarray(v, float) for k, v in weights.items()})
    except ValueError as error:
        raise HttpError(422, f"The {what} sent do not fit this network ({error}). Press Reset "
                             "to start again.") from None
    if not all(np.all(np.abs(p) <= MAX_WEIGHT) for p in network.parameters().values()):
        raise HttpError(422, f"The {what} have grown too large (or are not numbers): the "
                             "training diverged. Press Reset and choose a smaller learning "
                             "rate.")
    return network


def _gradient_norms(network: Network, x: np.ndarray, y: np.ndarray) -> list[float]:
    """|∂C/∂(W(j), b(j))| for each layer j: how strongly each layer is being pushed."""
    jacobians = backprop(network, x, y)
    return [float(np.sqrt(np.sum(jacobians[f"W{j}"] ** 2) + np.sum(jacobians[f"b{j}"] ** 2)))
            for j in range(1, network.depth + 1)]


def _number(value: float) -> float | None:
    """A JSON-safe number: NaN and ±inf (a diverged cost) become null."""
    return float(value) if np.isfinite(value) else None


def _listed(parameters: Mapping[str, np.ndarray]) -> dict[str, list]:
    return {name: finite(value, 12) for name, value in parameters.items()}


# The heart-curve network ----------------------------------------------------------------

class HeartIn(Schema):
    parameters: WeightsIn | None = Field(
        default=None, description="The weights to continue from; a fresh network when absent.")
    iteration: int = Field(default=0, ge=0, le=10**9,
                           description="Iterations done so far (seeds this chunk's noise).")
    steps: int = Field(default=100, ge=0, le=500, description="Iterations in this chunk.")
    aggression: float = Field(default=5.0, gt=0, le=100, description="The step size.")
    noise: float = Field(default=1.0, ge=0, le=5, description="The course's noise factor.")
    seed: int = Field(default=0, ge=0, le=MAX_SEED, description="Seeds the starting weights.")


class HeartOut(Schema):
    parameters: dict[str, list[list[float | None]]]
    iteration: int
    costs: list[float | None] = Field(description="The cost after each iteration of the chunk.")
    cost: float | None
    gradient_norms: list[float | None]
    curve_x: list[float | None]
    curve_y: list[float | None]
    target_x: list[float]
    target_y: list[float]
    status: str
    message: str


@router.post("/neural-network", response=HeartOut, url_name="widget_neural_network")
def neural_network(request: HttpRequest, body: HeartIn) -> dict:
    """Advance the heart network by ``steps`` iterations of the course's noisy steepest
    descent, and draw the curve it now makes."""
    network = _network(heart_network(body.seed), body.parameters)
    args = (network, body.iteration, body.steps, body.aggression, body.noise, body.seed)
    if body.parameters is None:  # every fresh start with these settings is the same
        return remembered("neural-network", body, lambda: limited(_heart_chunk, *args))
    return limited(_heart_chunk, *args)


def _heart_chunk(network: Network, iteration: int, steps: int, aggression: float,
                 noise: float, seed: int) -> dict:
    x, y = heart_data()
    with np.errstate(all="ignore"):
        result = steepest_descent(network, x, y, iterations=steps, aggression=aggression,
                                  noise=noise, seed=chunk_seed(seed, iteration))
        trained = result.extra["network"]
        t = np.linspace(0.0, 1.0, CURVE_SAMPLES)
        curve = trained.predict(t.reshape(1, -1))
        norms = _gradient_norms(trained, x, y)
    target = (heart_curve(t) + 1) / 2
    return {
        "parameters": _listed(trained.parameters()), "iteration": iteration + result.nit,
        "costs": finite(result.extra["costs"][1:], 12), "cost": _number(result.fun),
        "gradient_norms": finite(norms, 12), "curve_x": finite(curve[0]),
        "curve_y": finite(curve[1]), "target_x": finite(target[0]),
        "target_y": finite(target[1]), "status": str(result.status),
        "message": result.message,
    }


# The classification playground -----------------------------------------------------------

class PlaygroundIn(Schema):
    dataset: Literal["circles", "xor", "moons", "spiral", "gaussians"] = "circles"
    noise: float = Field(default=0.05, ge=0, le=0.5, description="Standard deviation added "
                                                                 "to every point.")
    hidden: list[int] = Field(default=[4, 4], max_length=3,
                              description="Neurons in each hidden layer (0-3 layers of 1-8).")
    activation: Literal["tanh", "relu", "sigmoid"] = "tanh"
    learning_rate: float = Field(default=0.1, gt=0, le=10)
    parameters: WeightsIn | None = None
    velocity: WeightsIn | None = Field(default=None, description="The momentum to continue "
                                                                 "with, shaped like the weights.")
    iteration: int = Field(default=0, ge=0, le=10**9)
    steps: int = Field(default=50, ge=0, le=200)
    seed: int = Field(default=0, ge=0, le=MAX_SEED, description="Seeds the data and the "
                                                                "starting weights.")


class PointsOut(Schema):
    x: list[float]
    y: list[float]
    label: list[int]


class GridOut(Schema):
    xs: list[float]
    ys: list[float]
    probability: list[list[float | None]]


class PlaygroundOut(Schema):
    parameters: dict[str, list[list[float | None]]]
    velocity: dict[str, list[list[float | None]]]
    iteration: int
    train_losses: list[float | None] = Field(description="The training cost after each step.")
    train_loss: float | None
    test_loss: float | None
    train_accuracy: float
    test_accuracy: float
    grid: GridOut
    train: PointsOut
    test: PointsOut
    status: str
    message: str


@router.post("/classifier-playground", response=PlaygroundOut,
             url_name="widget_classifier_playground")
def classifier_playground(request: HttpRequest, body: PlaygroundIn) -> dict:
    """Advance the classifier by ``steps`` mini-batch steps of SGD with momentum, with its
    decision region over the plane and both sets' points."""
    if any(not 1 <= n <= 8 for n in body.hidden):
        raise HttpError(422, "Each hidden layer takes between 1 and 8 neurons.")
    template = classifier_network(body.hidden, body.activation, seed=body.seed)
    network = _network(template, body.parameters)
    velocity = None
    if body.velocity is not None:
        velocity = _network(template, body.velocity, what="momentum values").parameters()
    args = (network, velocity, body.dataset, body.noise, body.learning_rate, body.iteration,
            body.steps, body.seed)
    if body.parameters is None:
        return remembered("classifier-playground", body,
                          lambda: limited(_playground_chunk, *args))
    return limited(_playground_chunk, *args)


def playground_data(dataset: str, noise: float, seed: int
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Training points and labels, then test points and labels, from one seeded draw. The
    labels alternate, so each half holds both classes equally."""
    points, labels = make_dataset(DATASET_NAMES[dataset], 2 * PLAYGROUND_POINTS,
                                  noise=noise, seed=seed)
    half = PLAYGROUND_POINTS
    return points[:, :half], labels[:, :half], points[:, half:], labels[:, half:]


def _playground_chunk(network: Network, velocity: Parameters | None, dataset: str,
                      noise: float, learning_rate: float, iteration: int, steps: int,
                      seed: int) -> dict:
    x, labels, x_test, labels_test = playground_data(dataset, noise, seed)
    with np.errstate(all="ignore"):
        result = train_classifier(
            network, x, labels, steps=steps, learning_rate=learning_rate,
            batch_size=PLAYGROUND_BATCH, momentum=PLAYGROUND_MOMENTUM,
            seed=chunk_seed(seed, iteration), velocity=velocity, resolution=GRID_RESOLUTION)
        trained = result.extra["network"]
        test_loss = trained.cost(x_test, labels_test)
    grid = result.extra["grid"]
    return {
        "parameters": _listed(trained.parameters()),
        "velocity": _listed(result.extra["velocity"]),
        "iteration": iteration + result.nit,
        "train_losses": finite(result.extra["costs"][1:], 12),
        "train_loss": _number(result.fun), "test_loss": _number(test_loss),
        "train_accuracy": result.extra["accuracy"],
        "test_accuracy": accuracy(trained, x_test, labels_test),
        "grid": {"xs": finite(grid.xs), "ys": finite(grid.ys),
                 "probability": finite(grid.probability, 4)},
        "train": _points(x, labels), "test": _points(x_test, labels_test),
        "status": str(result.status), "message": result.message,
    }


def _points(x: np.ndarray, labels: np.ndarray) -> dict:
    return {"x": finite(x[0], 4), "y": finite(x[1], 4), "label": labels[0].astype(int).tolist()}


_HEART_START = heart_network(0).to_dict()["parameters"]
_PLAYGROUND_START = classifier_network((4, 4), "tanh", seed=0).to_dict()["parameters"]
BENCH_CASES = [
    ("neural-network: one chunk of 100 iterations", "neural-network",
     lambda i: {"parameters": _HEART_START, "iteration": 100 * i, "steps": 100}),
    ("classifier-playground: one chunk of 50 steps", "classifier-playground",
     lambda i: {"dataset": ("circles", "xor", "moons", "spiral")[i % 4],
                "parameters": _PLAYGROUND_START, "iteration": 50 * i, "steps": 50}),
]
