"""Backpropagation as the course teaches it: explicit Jacobians, layer by layer.

Reading from the output backwards, the chain rule gives, for every layer j,

    ∂C/∂z(j) = ∂C/∂a(j) ⊙ σ'(z(j))
    J_W(j)   = ∂C/∂z(j) @ a(j−1).T / N          (weight Jacobians end with "@ a.T / N")
    J_b(j)   = Σ over samples of ∂C/∂z(j) / N    (bias Jacobians sum over samples / N)
    ∂C/∂a(j−1) = W(j).T @ ∂C/∂z(j)              (because ∂a(j)/∂a(j−1) = σ'(z(j)) W(j))

starting from ∂C/∂a(L) = 2 (a(L) − y) for the cost C = |a(L) − y|² / N.
"""

from __future__ import annotations

import numpy as np

from nablalab.nn.network import Network, Parameters


def backprop(network: Network, a0: np.ndarray, y: np.ndarray) -> Parameters:
    """The Jacobian of the cost with respect to every parameter: {"W1": J_W1, "b1": J_b1, ...}."""
    stages = network.forward(a0)
    a = stages[0::2]  # a[j] is a(j), from a(0) to a(L)
    z = (None, *stages[1::2])  # z[j] is z(j), from z(1) to z(L)
    big_l = network.depth
    n_samples = a[0].shape[1]
    y = network.check_target(y, n_samples)

    jacobians: Parameters = {}
    dc_da = 2 * (a[big_l] - y)
    for j in range(big_l, 0, -1):
        dc_dz = dc_da * network.activations[j - 1].d_sigma(z[j])
        jacobians[f"W{j}"] = dc_dz @ a[j - 1].T / n_samples
        jacobians[f"b{j}"] = np.sum(dc_dz, axis=1, keepdims=True) / n_samples
        dc_da = network.weights[j - 1].T @ dc_dz
    return {name: jacobians[name] for name in network.parameters()}


def layer_jacobian(network: Network, a0: np.ndarray, j: int) -> np.ndarray:
    """∂a(j)/∂a(j−1) = σ'(z(j)) W(j) for each sample: an array of shape (N, n_j, n_{j−1}).

    Row i of sample k's matrix is σ'(z_i(j)) times row i of W(j): the link the chain rule
    multiplies along when it walks back through layer j.
    """
    if not 1 <= j <= network.depth:
        raise ValueError(f"Layer j must be between 1 and {network.depth}, got {j}.")
    z_j = network.forward(a0)[2 * j - 1]
    d_sigma = network.activations[j - 1].d_sigma(z_j)  # shape (n_j, N)
    return d_sigma.T[:, :, None] * network.weights[j - 1][None, :, :]
