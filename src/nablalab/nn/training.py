"""Training loops: the course's noisy steepest descent, mini-batch SGD and momentum.

Every loop returns the shared solver ``Result``: ``x`` is the final flat parameter vector
(W1, b1, W2, ... as in ``Network.parameter_vector``), ``fun`` the final cost, ``history``
one entry per iteration (``x`` the parameters, ``fun`` the cost on the whole training set),
``extra["network"]`` the trained network and ``extra["costs"]`` every cost as one array,
ready to plot. The gradient comes from any function with the signature of
:func:`~nablalab.nn.backprop.backprop`, so the explicit and the autodiff Jacobians train
through the same code. A seed makes every run reproducible.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

from nablalab.nn.backprop import backprop
from nablalab.nn.network import Network, Parameters
from nablalab.numeric.result import Result, Status

JacobianFn = Callable[[Network, np.ndarray, np.ndarray], Parameters]
Update = Callable[[Network], Network]


def steepest_descent(
    network: Network,
    x: np.ndarray,
    y: np.ndarray,
    *,
    iterations: int,
    aggression: float,
    noise: float = 1.0,
    seed: int | None = None,
    tol: float | None = None,
    jacobians: JacobianFn = backprop,
) -> Result:
    """The course assignment's loop: each parameter P steps by −aggression · J_P · (1 + noise·ε).

    ε is a fresh standard-normal number for each parameter array at each iteration; the
    noise shakes the descent out of flat regions, as in the course. ``noise=0`` gives
    plain steepest descent.
    """
    _check_positive(aggression=aggression)
    _check_non_negative(noise=noise)
    x, y = _check_data(network, x, y)
    rng = np.random.default_rng(seed)

    def update(net: Network) -> Network:
        jac = jacobians(net, x, y)
        return net.with_parameters(
            {
                name: value - aggression * jac[name] * (1 + noise * rng.standard_normal())
                for name, value in net.parameters().items()
            }
        )

    return _run(network, x, y, update, iterations, tol, "steepest_descent")


def sgd(
    network: Network,
    x: np.ndarray,
    y: np.ndarray,
    *,
    iterations: int,
    learning_rate: float,
    batch_size: int | None = None,
    momentum: float = 0.0,
    seed: int | None = None,
    tol: float | None = None,
    velocity: Parameters | None = None,
    jacobians: JacobianFn = backprop,
) -> Result:
    """Stochastic gradient descent on shuffled mini-batches, with optional momentum.

    Each iteration is one mini-batch step: v ← momentum · v − learning_rate · J, P ← P + v.
    The samples are reshuffled every epoch. ``batch_size=None`` uses every sample (full-batch
    gradient descent). Pass the ``velocity`` a previous run left in ``extra["velocity"]`` to
    carry on training without losing momentum.
    """
    _check_positive(learning_rate=learning_rate)
    if not 0.0 <= momentum < 1.0:
        raise ValueError(f"momentum must be in [0, 1), got {momentum}.")
    x, y = _check_data(network, x, y)
    n_samples = x.shape[1]
    batch_size = n_samples if batch_size is None else int(batch_size)
    if not 1 <= batch_size <= n_samples:
        raise ValueError(f"batch_size must be between 1 and N = {n_samples}, got {batch_size}.")
    rng = np.random.default_rng(seed)
    batches = _mini_batches(n_samples, batch_size, rng)
    v = {name: np.zeros_like(p) for name, p in network.parameters().items()}
    if velocity is not None:
        v.update({name: np.array(value, dtype=float) for name, value in velocity.items()})

    def update(net: Network) -> Network:
        batch = next(batches)
        jac = jacobians(net, x[:, batch], y[:, batch])
        for name in v:
            v[name] = momentum * v[name] - learning_rate * jac[name]
        return net.with_parameters({name: p + v[name] for name, p in net.parameters().items()})

    method = "momentum" if momentum else "sgd"
    result = _run(network, x, y, update, iterations, tol, method)
    result.extra["velocity"] = v
    return result


def _mini_batches(
    n_samples: int, batch_size: int, rng: np.random.Generator
) -> Iterator[np.ndarray]:
    """Index arrays of one mini-batch each, endlessly, reshuffling at every epoch."""
    while True:
        order = rng.permutation(n_samples)
        for start in range(0, n_samples - batch_size + 1, batch_size):
            yield order[start : start + batch_size]


def _run(
    network: Network,
    x: np.ndarray,
    y: np.ndarray,
    update: Update,
    iterations: int,
    tol: float | None,
    method: str,
) -> Result:
    """Apply ``update`` up to ``iterations`` times, recording the whole-data cost each time."""
    if int(iterations) != iterations or iterations < 0:
        raise ValueError(f"iterations must be a whole number ≥ 0, got {iterations}.")
    cost = network.cost(x, y)
    initial_cost = cost
    history = [{"x": network.parameter_vector(), "fun": cost}]
    status, message = Status.MAX_ITERATIONS, "Reached the iteration limit."
    for _ in range(int(iterations)):
        if tol is not None and cost <= tol:
            break
        network = update(network)
        cost = network.cost(x, y)
        history.append({"x": network.parameter_vector(), "fun": cost})
        if not np.isfinite(cost):
            status = Status.DIVERGED
            message = (
                "The cost became infinite or NaN: lower the step size "
                "(learning rate or aggression)."
            )
            break
    if tol is not None and cost <= tol:
        status, message = Status.CONVERGED, f"The cost fell to {cost:.3g}, below tol = {tol:g}."
    nit = len(history) - 1
    return Result(
        x=network.parameter_vector(),
        fun=cost,
        status=status,
        message=f"{message} Cost {initial_cost:.4g} → {cost:.4g} after {nit} iterations.",
        nit=nit,
        history=history,
        extra={
            "network": network,
            "costs": np.array([h["fun"] for h in history]),
            "initial_cost": initial_cost,
            "method": method,
        },
    )


def _check_data(network: Network, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    x = network.check_input(x)
    return x, network.check_target(y, x.shape[1])


def _check_positive(**values: float) -> None:
    for name, value in values.items():
        if not value > 0:
            raise ValueError(f"{name} must be a positive number, got {value}.")


def _check_non_negative(**values: float) -> None:
    for name, value in values.items():
        if not value >= 0:
            raise ValueError(f"{name} must be zero or positive, got {value}.")
