"""The same Jacobians as :func:`~nablalab.nn.backprop.backprop`, found by the project's
reverse-mode autodiff engine instead of by hand.

Only the forward pass and the cost are written here; ``backward`` applies the chain rule
that ``backprop`` spells out, so the two agreeing is a check on both.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from nablalab.nn.network import Network, Parameters
from nablalab.numeric.autodiff import Tensor

_TENSOR_SIGMA: dict[str, Callable[[Tensor], Tensor]] = {
    "logistic": Tensor.sigmoid,
    "tanh": Tensor.tanh,
    "relu": Tensor.relu,
    "linear": lambda z: z,
}


def autodiff_backprop(network: Network, a0: np.ndarray, y: np.ndarray) -> Parameters:
    """∂C/∂P for every parameter, C = |a(L) − y|² / N, by ``Tensor.backward``."""
    a0 = network.check_input(a0)
    y = network.check_target(y, a0.shape[1])
    unknown = [act.name for act in network.activations if act.name not in _TENSOR_SIGMA]
    if unknown:
        raise ValueError(
            f"The autodiff path knows the activations {', '.join(_TENSOR_SIGMA)}, "
            f"not {', '.join(unknown)}."
        )
    params = {
        name: Tensor(value, requires_grad=True) for name, value in network.parameters().items()
    }
    a = Tensor(a0)
    for j, act in enumerate(network.activations, start=1):
        a = _TENSOR_SIGMA[act.name](params[f"W{j}"] @ a + params[f"b{j}"])
    cost = ((a - y) ** 2).sum() / a0.shape[1]
    cost.backward()
    return {name: tensor.grad for name, tensor in params.items()}
