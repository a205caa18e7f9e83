"""A multilayer network in the course's notation.

Samples are columns: the input a(0) has shape (n0, N). Layer j computes
z(j) = W(j) a(j−1) + b(j) and a(j) = σ(z(j)); the cost is C = |a(L) − y|² / N, the sum
of squares over every output and sample divided by the number of samples N.
Parameters are named as the course names them — "W1", "b1", "W2", ... — so a Jacobian
J_W3 lives under the key "W3".
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from nablalab.nn.activations import Activation, activation

Parameters = dict[str, np.ndarray]


@dataclass(frozen=True, eq=False)
class Network:
    """Weights W(j) of shape (n_j, n_{j−1}), biases b(j) of shape (n_j, 1), one σ per layer."""

    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    activations: tuple[Activation, ...]

    def __post_init__(self) -> None:
        if not (len(self.weights) == len(self.biases) == len(self.activations) >= 1):
            raise ValueError(
                "A network needs the same number (at least one) of weight matrices, "
                "bias vectors and activations: one of each per layer."
            )
        for j, (w, b) in enumerate(zip(self.weights, self.biases, strict=True), start=1):
            if w.ndim != 2 or b.shape != (w.shape[0], 1):
                raise ValueError(
                    f"Layer {j}: W{j} must be a matrix (n{j}, n{j - 1}) and b{j} a column "
                    f"(n{j}, 1); got W{j} {w.shape} and b{j} {b.shape}."
                )
            if j > 1 and w.shape[1] != self.weights[j - 2].shape[0]:
                raise ValueError(
                    f"W{j} has {w.shape[1]} columns but layer {j - 1} has "
                    f"{self.weights[j - 2].shape[0]} neurons; they must match."
                )

    @classmethod
    def random(
        cls,
        widths: Sequence[int],
        activations: str | Activation | Sequence[str | Activation] = "logistic",
        *,
        seed: int | None = None,
        scale: float = 0.5,
    ) -> Network:
        """Draw every weight and bias as randn · scale (the course uses randn / 2), seeded.

        ``widths`` lists the layer sizes from input to output, e.g. (1, 6, 7, 2).
        """
        widths = [int(n) for n in widths]
        if len(widths) < 2 or min(widths) < 1:
            raise ValueError(
                f"widths {widths} must list at least an input and an output size, all ≥ 1."
            )
        layers = len(widths) - 1
        if isinstance(activations, str | Activation):
            sigmas = [activation(activations)] * layers
        else:
            sigmas = [activation(a) for a in activations]
            if len(sigmas) != layers:
                raise ValueError(
                    f"{len(sigmas)} activations given for {layers} layers; give one per layer "
                    "(or a single name for all)."
                )
        rng = np.random.default_rng(seed)
        weights, biases = [], []
        for n_in, n_out in itertools.pairwise(widths):
            weights.append(rng.standard_normal((n_out, n_in)) * scale)
            biases.append(rng.standard_normal((n_out, 1)) * scale)
        return cls(tuple(weights), tuple(biases), tuple(sigmas))

    def to_dict(self) -> dict[str, object]:
        """JSON-ready: layer widths, activation names and every parameter as nested lists."""
        return {
            "widths": list(self.widths),
            "activations": [a.name for a in self.activations],
            "parameters": {name: value.tolist() for name, value in self.parameters().items()},
        }

    @property
    def widths(self) -> tuple[int, ...]:
        return (self.weights[0].shape[1], *(w.shape[0] for w in self.weights))

    @property
    def depth(self) -> int:
        """The number of layers L (the input layer is not counted)."""
        return len(self.weights)

    @property
    def size(self) -> int:
        """How many trainable numbers the network holds."""
        return sum(w.size + b.size for w, b in zip(self.weights, self.biases, strict=True))

    def parameters(self) -> Parameters:
        """The parameters by the course's names: {"W1": W(1), "b1": b(1), ...}."""
        named: Parameters = {}
        for j, (w, b) in enumerate(zip(self.weights, self.biases, strict=True), start=1):
            named[f"W{j}"] = w
            named[f"b{j}"] = b
        return named

    def parameter_vector(self) -> np.ndarray:
        """Every parameter in one flat vector, in the order W1, b1, W2, b2, ..."""
        return np.concatenate([p.ravel() for p in self.parameters().values()])

    def with_parameters(self, parameters: Mapping[str, np.ndarray]) -> Network:
        """The same architecture carrying new parameter values (same names and shapes)."""
        current = self.parameters()
        if set(parameters) != set(current):
            raise ValueError(
                f"Expected parameters {sorted(current)}, got {sorted(parameters)}."
            )
        for name, value in parameters.items():
            if np.shape(value) != current[name].shape:
                raise ValueError(
                    f"{name} must have shape {current[name].shape}, got {np.shape(value)}."
                )
        return Network(
            tuple(np.asarray(parameters[f"W{j}"], float) for j in range(1, self.depth + 1)),
            tuple(np.asarray(parameters[f"b{j}"], float) for j in range(1, self.depth + 1)),
            self.activations,
        )

    def check_input(self, a0: np.ndarray) -> np.ndarray:
        """a(0) as a float array of shape (n0, N), or an error saying how to fix it."""
        a0 = np.asarray(a0, dtype=float)
        n0 = self.widths[0]
        if a0.ndim != 2 or a0.shape[0] != n0:
            raise ValueError(
                f"The input has shape {a0.shape} but this network expects ({n0}, N): samples "
                f"are columns, so N samples of {n0} feature(s) form an array with {n0} rows "
                f"(for a flat array of samples use x.reshape({n0}, -1))."
            )
        return a0

    def check_target(self, y: np.ndarray, n_samples: int) -> np.ndarray:
        """y as a float array of shape (n_L, N), matching the output layer."""
        y = np.asarray(y, dtype=float)
        expected = (self.widths[-1], n_samples)
        if y.shape != expected:
            raise ValueError(
                f"The target has shape {y.shape} but the output layer gives {expected}: one "
                "column per sample, one row per output neuron."
            )
        return y

    def forward(self, a0: np.ndarray) -> tuple[np.ndarray, ...]:
        """Every stage of the forward pass: (a0, z1, a1, z2, a2, ..., zL, aL)."""
        stages = [self.check_input(a0)]
        for w, b, sigma in zip(self.weights, self.biases, self.activations, strict=True):
            z = w @ stages[-1] + b
            stages += [z, sigma(z)]
        return tuple(stages)

    def predict(self, a0: np.ndarray) -> np.ndarray:
        """The output a(L) for the inputs a(0)."""
        return self.forward(a0)[-1]

    def cost(self, a0: np.ndarray, y: np.ndarray) -> float:
        """C = |a(L) − y|² / N."""
        a_last = self.predict(a0)
        y = self.check_target(y, a_last.shape[1])
        return float(np.sum((a_last - y) ** 2) / a_last.shape[1])
