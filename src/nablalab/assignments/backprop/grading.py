"""Hidden and public tests for "Backpropagation", with the common wrong answers.

Expected values come from the reference solution; the mistakes are modelled by a compact
trusted backprop whose σ′ and averaging can be made wrong on purpose.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import numpy as np

from nablalab.assignments.catalog import reference_value
from nablalab.grader.spec import Assignment, Call, Mistake, Test
from nablalab.nn.heart import heart_data

FUNCTIONS = ("J_b3", "J_b2", "J_W1", "J_b1")
WIDTHS = (1, 6, 7, 2)


def _sigma(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-z))


def _d_sigma(z: np.ndarray) -> np.ndarray:
    return np.cosh(z / 2) ** (-2) / 4


def parameters(seed: int) -> dict[str, np.ndarray]:
    """Weights and biases drawn as randn / 2, as the course's reset_network does."""
    rng = np.random.default_rng(seed)
    names = {}
    for j, (n_in, n_out) in enumerate(itertools.pairwise(WIDTHS), start=1):
        names[f"W{j}"] = rng.standard_normal((n_out, n_in)) / 2
        names[f"b{j}"] = rng.standard_normal((n_out, 1)) / 2
    return names


def dc_dz(call: Call, d_sigma: Callable[[np.ndarray], np.ndarray] = _d_sigma,
          wrong_layer: int = 0) -> dict[int, np.ndarray]:
    """∂C/∂z(j) times N for every layer (the per-sample terms before averaging); layer
    ``wrong_layer`` uses ``d_sigma`` instead of σ′ (the layer a learner wrote themselves)."""
    p, (x, y) = call.globals, call.args
    a, z = [x], [None]
    for j in (1, 2, 3):
        z.append(p[f"W{j}"] @ a[-1] + p[f"b{j}"])
        a.append(_sigma(z[-1]))
    terms, upstream = {}, 2 * (a[3] - y)
    for j in (3, 2, 1):
        terms[j] = upstream * (d_sigma if j == wrong_layer else _d_sigma)(z[j])
        upstream = p[f"W{j}"].T @ terms[j]
    terms[0] = a  # the activations, for weight Jacobians
    return terms


def _jacobian(name: str, call: Call, d_sigma: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    j, n = int(name[-1]), call.args[0].shape[1]
    terms = dc_dz(call, d_sigma, wrong_layer=j)
    if name.startswith("J_W"):
        return terms[j] @ terms[0][j - 1].T / n
    return np.sum(terms[j], axis=1, keepdims=True) / n


def _mistakes(name: str) -> list[Mistake]:
    j = int(name[-1])
    kind = "weight" if name.startswith("J_W") else "bias"
    mistakes = [
        Mistake("Divide by N at the end: the cost is |a3 − y|² / N, so every Jacobian is an "
                "average over the N samples (x.size).",
                lambda call, expected: expected * call.args[0].shape[1]),
        Mistake(f"Your {name} is transposed: it must have the shape of "
                f"{'W' if kind == 'weight' else 'b'}{j}. For weights end with `J @ a.T / N` "
                "(not a.T @ J); for biases keep a column.",
                lambda call, expected: expected.T),
        Mistake("Wrong σ′: you used σ(z) where the chain rule needs σ′(z) = cosh(z/2)⁻² / 4 "
                "(d_sigma).",
                lambda call, expected: _jacobian(name, call, _sigma)),
        Mistake("Wrong σ′: the logistic derivative is cosh(z/2)⁻² / 4 — note the z/2 inside "
                "cosh (use the given d_sigma).",
                lambda call, expected: _jacobian(name, call, lambda z: np.cosh(z) ** -2 / 4)),
    ]
    if kind == "bias":
        mistakes.append(Mistake(
            f"{name} must be a column with one entry per neuron: sum over the samples with "
            "np.sum(J, axis=1, keepdims=True) and divide by N.",
            lambda call, expected: dc_dz(call)[j] / call.args[0].shape[1]))
    return mistakes


def _cases() -> list[tuple[Call, bool]]:
    x, y = heart_data(100)
    rng = np.random.default_rng(7)
    x13 = rng.uniform(0, 1, (1, 13))
    y13 = rng.uniform(0.1, 0.9, (2, 13))
    return [(Call("", (x, y), parameters(1)), True),
            (Call("", (x, y), parameters(2)), False),
            (Call("", (x13, y13), parameters(3)), False)]


def tests() -> list[Test]:
    built = []
    for name in FUNCTIONS:
        for k, (case, public) in enumerate(_cases()):
            call = Call(name, case.args, case.globals)
            built.append(Test(
                name=f"{name} on {'the heart data' if k < 2 else '13 random samples'} "
                     f"(network {k + 1})",
                call=call, points=1 if public else 2, public=public,
                expected=reference_value("backprop", call), mistakes=_mistakes(name),
                hint="Walk back from 2 (a3 − y) through d_sigma(z3), W3, d_sigma(z2), ... as "
                     "J_W2 does, and stop at the parameter you want."))
    return built


ASSIGNMENT = Assignment(
    name="backprop",
    title="Backpropagation",
    functions=FUNCTIONS,
    given=("np", "sigma", "d_sigma", "reset_network", "network_function", "cost", "J_W3",
           "J_W2"),
    tests=tests,
)
