"""A single neuron's output a1 = σ(w a0 + b) (the course's tanh NOT gate)."""

from __future__ import annotations

import numpy as np
import sympy as sp

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ._neural import SIGMA, WEIGHTS, formula, network, sigma_exact


def build(rng: Rng) -> Question:
    name = rng.choice(list(SIGMA))
    w, b = rng.choice(WEIGHTS), rng.choice(WEIGHTS)
    a0 = rng.choice([0, 1])
    z = w * a0 + b
    a1 = sigma_exact(name, z)
    other = "logistic" if name == "tanh" else "tanh"
    engine = network(sp.Matrix([[w]]), sp.Matrix([b]), name).forward(np.array([[a0]]))
    part = Part("output", "number", a1, label="$a^{(1)}$ to 2 d.p.",
                options={"decimal_places": 2}, mistakes=(
                    Mistake("no-activation", z,
                            "That is the weighted sum z = w a0 + b: apply the activation σ."),
                    Mistake("other-activation", sigma_exact(other, z),
                            f"This neuron uses the {name} activation, not {other}."),
                    Mistake("no-bias", sigma_exact(name, w * a0), "Add the bias b inside σ."),
                ))
    steps = (f"Weighted sum: $z = w a^{{(0)}} + b = {sp.latex(w)} \\cdot {a0} + {sp.latex(b)}"
             f" = {float(engine[1][0, 0]):g}$.",
             f"Activation: $a^{{(1)}} = \\sigma({float(engine[1][0, 0]):g}) = "
             f"{float(engine[2][0, 0]):.6f}$.")
    prompt = (f"A neuron has weight $w = {sp.latex(w)}$, bias $b = {sp.latex(b)}$ and "
              f"activation ${formula(name)}$: $a^{{(1)}} = \\sigma(w a^{{(0)}} + b)$. "
              f"Find its output for the input $a^{{(0)}} = {a0}$, to 2 decimal places.")
    hints = ("First the weighted sum $z = w a^{(0)} + b$.", "Then apply $\\sigma$ to $z$.")
    return Question(prompt, (part,), Solution(steps, {"output": sp.Float(engine[2][0, 0])}),
                    hints, {"sigma": name, "w": w, "b": b, "a0": a0})


TEMPLATE = Template(
    slug="neuron-output", title="One neuron's output", module=3, topic="neural networks",
    quizzes=("m3-practice-neural-networks",), skills=("neural network", "activation"),
    build=build)
