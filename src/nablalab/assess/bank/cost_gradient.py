"""Training: the cost C0 = (a1 - y)^2 and its derivative with respect to the bias."""

from __future__ import annotations

import numpy as np
import sympy as sp

from nablalab.nn import backprop

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ._neural import SIGMA, WEIGHTS, d_sigma_exact, formula, network, sigma_exact


def build(rng: Rng) -> Question:
    name = rng.choice(list(SIGMA))
    w, b = rng.choice(WEIGHTS), rng.choice(WEIGHTS)
    a0, target = rng.choice([0, 1]), rng.choice([0, 1])
    z = w * a0 + b
    a1 = sigma_exact(name, z)
    cost = (a1 - target) ** 2
    slope = 2 * (a1 - target) * d_sigma_exact(name, z)
    net = network(sp.Matrix([[w]]), sp.Matrix([b]), name)
    jac = backprop(net, np.array([[a0]], dtype=float), np.array([[target]], dtype=float))
    value = net.cost(np.array([[a0]], dtype=float), np.array([[target]], dtype=float))
    parts = (
        Part("cost", "number", cost, label="$C_0$", options={"decimal_places": 3},
             mistakes=(Mistake("not-squared", a1 - target, "The cost squares the error."),)),
        Part("bias", "number", slope, label="$\\partial C_0/\\partial b$",
             options={"decimal_places": 3}, mistakes=(
                 Mistake("no-sigma-prime", 2 * (a1 - target),
                         "The chain rule passes through σ: multiply by σ'(z)."),
                 Mistake("no-two", slope / 2, "d/da (a - y)^2 = 2(a - y): keep the factor 2."),
             )),
    )
    steps = (f"$z = {sp.latex(w)} \\cdot {a0} + {sp.latex(b)} = {sp.latex(z)}$, "
             f"$a^{{(1)}} = \\sigma(z)$, $C_0 = (a^{{(1)}} - y)^2 = {value:.6f}$.",
             "Chain rule: $\\frac{\\partial C_0}{\\partial b} = \\frac{\\partial C_0}"
             "{\\partial a^{(1)}} \\frac{\\partial a^{(1)}}{\\partial z} \\frac{\\partial z}"
             f"{{\\partial b}} = 2(a^{{(1)}} - y)\\,\\sigma'(z) \\cdot 1 = "
             f"{float(jac['b1'][0, 0]):.6f}$.")
    prompt = (f"A neuron $a^{{(1)}} = \\sigma(w a^{{(0)}} + b)$ with ${formula(name)}$, "
              f"$w = {sp.latex(w)}$, $b = {sp.latex(b)}$ is trained on the example "
              f"$a^{{(0)}} = {a0}$, $y = {target}$ with cost $C_0 = (a^{{(1)}} - y)^2$. "
              "Find $C_0$ and $\\partial C_0/\\partial b$, to 3 decimal places.")
    hints = ("$\\frac{\\partial C_0}{\\partial b} = 2(a^{(1)} - y)\\,\\sigma'(z)$.",
             "$\\tanh'(z) = 1 - \\tanh^2 z$; the logistic $\\sigma' = \\sigma(1 - \\sigma)$.")
    return Question(prompt, parts, Solution(steps, {"cost": sp.Float(value),
                                                    "bias": sp.Float(jac["b1"][0, 0])}),
                    hints, {"sigma": name, "w": w, "b": b, "a0": a0, "y": target})


TEMPLATE = Template(
    slug="cost-gradient", title="The cost and its gradient", module=3,
    topic="neural networks",
    quizzes=("m3-practice-training-networks", "m3-assignment-backpropagation"),
    skills=("backpropagation", "chain rule"), build=build)
