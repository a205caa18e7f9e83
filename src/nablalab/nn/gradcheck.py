"""Check backpropagation against central finite differences, parameter by parameter.

For every entry p of every parameter, the numerical derivative is
(C(p + h) − C(p − h)) / 2h. An entry's relative error is
|J − J_num| / max(|J| + |J_num|, floor): relative where the derivative is sizeable,
and absolute-like near zero, where the finite difference carries only round-off.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nablalab.nn.backprop import backprop
from nablalab.nn.network import Network, Parameters
from nablalab.nn.training import JacobianFn


@dataclass(frozen=True, eq=False)
class GradientCheck:
    """The verdict: per-parameter largest relative error, pass or fail, and why."""

    errors: dict[str, float]
    passed: bool
    message: str
    tolerance: float
    analytic: Parameters
    numeric: Parameters

    def __bool__(self) -> bool:
        return self.passed


def numerical_jacobians(
    network: Network, a0: np.ndarray, y: np.ndarray, *, step: float = 1e-5
) -> Parameters:
    """∂C/∂P for every parameter P by central differences (slow: two costs per entry)."""
    parameters = network.parameters()
    numeric: Parameters = {}
    for name, value in parameters.items():
        grad = np.empty_like(value)
        for index in np.ndindex(value.shape):
            shifted = {}
            for sign in (1, -1):
                moved = value.copy()
                moved[index] += sign * step
                shifted[sign] = network.with_parameters({**parameters, name: moved}).cost(a0, y)
            grad[index] = (shifted[1] - shifted[-1]) / (2 * step)
        numeric[name] = grad
    return numeric


def gradient_check(
    network: Network,
    x: np.ndarray,
    y: np.ndarray,
    *,
    jacobians: JacobianFn = backprop,
    tolerance: float = 1e-5,
    step: float = 1e-5,
    floor: float = 1e-6,
) -> GradientCheck:
    """Compare ``jacobians(network, x, y)`` (backprop by default) with finite differences.

    Pass a learner's own function as ``jacobians`` to grade it; it must return a dict
    {"W1": J_W1, "b1": J_b1, ...} with one Jacobian per parameter, shaped like it.
    With ReLU, a z within ``step`` of the kink at 0 can fail a correct Jacobian; such a
    coincidence is rare with random data, and moving the data slightly removes it.
    """
    x = network.check_input(x)
    y = network.check_target(y, x.shape[1])
    analytic = jacobians(network, x, y)
    numeric = numerical_jacobians(network, x, y, step=step)
    missing = sorted(set(numeric) - set(analytic))
    if missing:
        raise ValueError(f"The Jacobians given leave out {', '.join(missing)}.")
    errors: dict[str, float] = {}
    worst: dict[str, tuple[int, ...]] = {}
    for name, num in numeric.items():
        ana = np.asarray(analytic[name], dtype=float)
        if ana.shape != num.shape:
            raise ValueError(
                f"J_{name} has shape {ana.shape} but {name} has shape {num.shape}: a Jacobian "
                "has the shape of the parameter it differentiates against."
            )
        rel = np.abs(ana - num) / np.maximum(np.abs(ana) + np.abs(num), floor)
        worst[name] = np.unravel_index(np.argmax(rel), rel.shape)
        errors[name] = float(rel[worst[name]])
    failed = [name for name, err in errors.items() if not err <= tolerance]
    message = _verdict(errors, failed, tolerance, worst, analytic, numeric)
    return GradientCheck(errors, not failed, message, tolerance, analytic, numeric)


def _verdict(
    errors: dict[str, float],
    failed: list[str],
    tolerance: float,
    worst: dict[str, tuple[int, ...]],
    analytic: Parameters,
    numeric: Parameters,
) -> str:
    if not failed:
        name = max(errors, key=errors.__getitem__)
        return (
            f"Gradient check passed: the largest relative error is {errors[name]:.1e} "
            f"(in J_{name}), below the tolerance {tolerance:.0e}."
        )
    lines = [f"Gradient check FAILED for {', '.join('J_' + n for n in failed)}."]
    for name in failed:
        index = worst[name]
        ana, num = float(np.asarray(analytic[name])[index]), float(numeric[name][index])
        where = f"J_{name}[{', '.join(map(str, index))}]"
        line = (
            f"{where}: the Jacobian gives {ana:.6g} but finite differences give {num:.6g} "
            f"(relative error {errors[name]:.1e})."
        )
        if ana != 0 and num != 0:
            line += f" Their ratio is {ana / num:.4g}; a whole-number ratio often means a " \
                "missing or extra factor such as / N or the 2 from the square."
        lines.append(line)
    return "\n".join(lines)
