"""The backward pass of a dense layer: dC/dW = (z - t) aᵀ and dC/db = z - t."""

from __future__ import annotations

import numpy as np
import sympy as sp

from nablalab.numeric.autodiff import Tensor

from ..questions import Mistake, Part, Question, Rng, Solution, Template


def build(rng: Rng) -> Question:
    inputs = rng.integer(2, 3)
    weights = sp.Matrix(2, inputs, [rng.integer(-2, 2) for _ in range(2 * inputs)])
    bias = sp.Matrix([rng.integer(-1, 1) for _ in range(2)])
    a = sp.Matrix([rng.integer(-2, 2, nonzero=True) for _ in range(inputs)])
    target = sp.Matrix([rng.integer(-2, 2) for _ in range(2)])
    z = weights * a + bias
    if z == target:
        target = target + sp.Matrix([1, 0])
    residual = z - target
    w_bar, b_bar = residual * a.T, residual
    tw = Tensor(np.array(weights.tolist(), dtype=float), requires_grad=True)
    tb = Tensor(np.array(bias.tolist(), dtype=float), requires_grad=True)
    cost = (((tw @ np.array(a.tolist(), dtype=float) + tb)
             - np.array(target.tolist(), dtype=float)) ** 2).sum() * 0.5
    cost.backward()
    parts = (
        Part("w_bar", "matrix", w_bar, label="$\\partial C/\\partial W$", variables=(),
             mistakes=(Mistake("sign", -w_bar, "C = ½|z - t|^2 gives z̄ = z - t, not t - z."),
                       Mistake("no-input", residual * sp.ones(1, inputs), "z_i = Σ_j W_ij a_j "
                               "+ b_i, so ∂z_i/∂W_ij = a_j: multiply by the input."))),
        Part("b_bar", "vector", b_bar, label="$\\partial C/\\partial \\mathbf b$", variables=(),
             mistakes=(Mistake("sign-b", -b_bar, "z̄ = z - t, and b̄ = z̄."),)),
    )
    steps = (f"Forward pass: $\\mathbf z = W\\mathbf a + \\mathbf b = {sp.latex(z)}$.",
             f"$\\bar{{\\mathbf z}} = \\mathbf z - \\mathbf t = {sp.latex(residual)}$.",
             f"$\\bar W = \\bar{{\\mathbf z}}\\,\\mathbf a^{{\\mathsf T}} = {sp.latex(w_bar)}$ and "
             f"$\\bar{{\\mathbf b}} = \\bar{{\\mathbf z}}$. The engine's backward pass gives "
             f"$\\bar W = {sp.latex(sp.Matrix(tw.grad).applyfunc(sp.nsimplify))}$.")
    prompt = (f"A linear layer computes $\\mathbf z = W\\mathbf a + \\mathbf b$ with "
              f"$W = {sp.latex(weights)}$, $\\mathbf b = {sp.latex(bias)}$ and input "
              f"$\\mathbf a = {sp.latex(a)}$. The cost is "
              f"$C = \\tfrac12 |\\mathbf z - \\mathbf t|^2$ with $\\mathbf t = {sp.latex(target)}$."
              " Find $\\partial C/\\partial W$ (row by row, e.g. [[1, 2], [3, 4]]) and "
              "$\\partial C/\\partial \\mathbf b$.")
    hints = ("The adjoint of $\\mathbf z$ is $\\bar{\\mathbf z} = \\mathbf z - \\mathbf t$.",
             "$\\bar W = \\bar{\\mathbf z}\\,\\mathbf a^{\\mathsf T}$ (an outer product), "
             "$\\bar{\\mathbf b} = \\bar{\\mathbf z}$.")
    return Question(prompt, parts, Solution(steps, {"w_bar": w_bar, "b_bar": b_bar}), hints,
                    {"W": weights, "b": bias, "a": a, "t": target})


TEMPLATE = Template(
    slug="layer-gradient", title="The backward pass of a layer", module=0,
    topic="automatic differentiation", quizzes=("beyond-autodiff",),
    skills=("backpropagation", "reverse mode", "matrix calculus"), build=build)
