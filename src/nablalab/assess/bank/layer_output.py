"""A layer in matrix form: a1 = σ(W a0 + b), entry by entry to 2 d.p."""

from __future__ import annotations

import numpy as np
import sympy as sp

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ._neural import SIGMA, WEIGHTS, formula, network, sigma_exact


def build(rng: Rng) -> Question:
    name = rng.choice(list(SIGMA))
    weights = sp.Matrix(2, 2, [rng.choice(WEIGHTS) for _ in range(4)])
    bias = sp.Matrix([rng.choice(WEIGHTS) for _ in range(2)])
    a0 = sp.Matrix([rng.integer(-1, 2) for _ in range(2)])
    z = weights * a0 + bias
    z_transposed, z_unbiased = weights.T * a0 + bias, weights * a0
    layer = network(weights, bias, name).forward(np.array(a0.tolist(), dtype=float))
    parts = tuple(
        Part(f"a{i + 1}", "number", sigma_exact(name, z[i]), label=f"$a^{{(1)}}_{i + 1}$",
             options={"decimal_places": 2}, mistakes=(
                 Mistake("transposed-weights", sigma_exact(name, z_transposed[i]),
                         "Row i of W (not column i) holds the weights into neuron i: use "
                         "W a0, not W^T a0."),
                 Mistake("no-bias", sigma_exact(name, z_unbiased[i]), "Add the bias vector b."),
                 Mistake("no-activation", z[i], "Apply the activation σ to each entry of z."),
             )) for i in range(2))
    steps = (f"$z^{{(1)}} = W a^{{(0)}} + b = {sp.latex(weights)}{sp.latex(a0)} + "
             f"{sp.latex(bias)} = {sp.latex(z)}$.",
             "Apply $\\sigma$ entry by entry: $a^{(1)} = [" +
             ", ".join(f"{v:.6f}" for v in layer[2][:, 0]) + "]^T$.")
    prompt = (f"A layer has $W = {sp.latex(weights)}$, $b = {sp.latex(bias)}$ and "
              f"${formula(name)}$. Find $a^{{(1)}} = \\sigma(W a^{{(0)}} + b)$ for "
              f"$a^{{(0)}} = {sp.latex(a0)}$, each entry to 2 decimal places.")
    hints = ("Multiply: entry $i$ of $W a^{(0)}$ is row $i$ of $W$ dotted with $a^{(0)}$.",
             "Add $b$, then apply $\\sigma$ to each entry.")
    final = {f"a{i + 1}": sp.Float(layer[2][i, 0]) for i in range(2)}
    return Question(prompt, parts, Solution(steps, final), hints,
                    {"sigma": name, "W": weights, "b": bias, "a0": a0})


TEMPLATE = Template(
    slug="layer-output", title="A layer in matrix form", module=3, topic="neural networks",
    quizzes=("m3-practice-neural-networks",), skills=("neural network", "matrix product"),
    build=build)
