"""An independent reference: the course's cost differentiated by HIPS autograd."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
from autograd import grad

from nablalab.nn.network import Network, Parameters

AUTOGRAD_SIGMA = {
    "logistic": lambda z: 1 / (1 + anp.exp(-z)),
    "tanh": anp.tanh,
    "relu": lambda z: anp.maximum(z, 0.0),
    "linear": lambda z: z,
}


def autograd_jacobians(network: Network, a0: np.ndarray, y: np.ndarray) -> Parameters:
    """∂C/∂P for C = |a(L) − y|² / N, with σ written afresh in autograd.numpy."""
    names = list(network.parameters())
    sigmas = [AUTOGRAD_SIGMA[act.name] for act in network.activations]

    def cost(params: list) -> float:
        a = a0
        for j, sigma in enumerate(sigmas):
            a = sigma(params[2 * j] @ a + params[2 * j + 1])
        return anp.sum((a - y) ** 2) / a0.shape[1]

    grads = grad(cost)(list(network.parameters().values()))
    return dict(zip(names, grads, strict=True))
