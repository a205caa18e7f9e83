"""The assignment's bias Jacobian: a sum over samples of ∂C/∂z, divided by N."""

from __future__ import annotations

import numpy as np
import sympy as sp

from nablalab.nn import backprop

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ._neural import WEIGHTS, d_sigma_exact, network, sigma_exact


def build(rng: Rng) -> Question:
    w, b = rng.choice(WEIGHTS), rng.choice(WEIGHTS)
    inputs = [0, 1, rng.choice([-1, 2])]
    targets = [rng.choice([0, 1]) for _ in inputs]
    n = len(inputs)
    terms = [2 * (sigma_exact("logistic", w * a + b) - y) * d_sigma_exact("logistic", w * a + b)
             for a, y in zip(inputs, targets, strict=True)]
    exact = sum(terms) / n
    net = network(sp.Matrix([[w]]), sp.Matrix([b]), "logistic")
    jac = backprop(net, np.array([inputs], dtype=float), np.array([targets], dtype=float))
    part = Part("jb", "number", exact, label="$J_b$", options={"decimal_places": 4},
                mistakes=(
                    Mistake("missing-N", exact * n,
                            f"The cost is |a - y|^2 / N: divide the sum by N = {n}."),
                    Mistake("first-sample", terms[0],
                            "J_b sums the contributions of every sample (then divides by N)."),
                    Mistake("no-sigma-prime", sum(2 * (sigma_exact("logistic", w * a + b) - y)
                                                  for a, y in zip(inputs, targets,
                                                                  strict=True)) / n,
                            "Each term passes through σ: multiply by σ'(z) = cosh(z/2)^-2/4."),
                ))
    per_sample = 2 * (net.predict(np.array([inputs], dtype=float))
                                  - np.array([targets])) * net.activations[0].d_sigma(
        net.forward(np.array([inputs], dtype=float))[1])
    steps = ("Per sample: $\\partial C/\\partial z = 2(a^{(1)} - y)\\,\\sigma'(z)$ = " +
             ", ".join(f"${v:.5f}$" for v in per_sample[0]) + ".",
             f"Sum over the samples and divide by $N = {n}$: $J_b = "
             f"{float(jac['b1'][0, 0]):.6f}$ (the nn engine's backpropagation gives "
             f"{float(np.sum(per_sample) / n):.6f}).")
    prompt = (f"A logistic neuron $a = \\sigma(w x + b)$, $w = {sp.latex(w)}$, "
              f"$b = {sp.latex(b)}$, is trained on inputs ${inputs}$ with targets "
              f"${targets}$ and cost $C = \\frac{{1}}{{N}}\\sum (a - y)^2$. Compute the bias "
              "Jacobian $J_b = \\partial C/\\partial b$ to 4 decimal places.")
    hints = ("$\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$.",
             "Bias Jacobians end with a sum over samples divided by $N$.")
    return Question(prompt, (part,), Solution(steps, {"jb": sp.Float(jac["b1"][0, 0])}),
                    hints, {"w": w, "b": b, "x": inputs, "y": targets})


TEMPLATE = Template(
    slug="bias-jacobian", title="Backpropagation: the bias Jacobian", module=3,
    topic="neural networks", quizzes=("m3-assignment-backpropagation",),
    skills=("backpropagation", "least-squares jacobian"), build=build)
