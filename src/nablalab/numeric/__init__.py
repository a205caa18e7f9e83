"""Numerical engines: derivatives without a formula and the solvers built on them.

Automatic differentiation (exact to rounding): reverse mode with `Tensor`, forward mode
with `Dual`, and whole-function derivatives `grad`, `jacobian`, `hessian`, `hvp`.
Finite differences (estimates, with the step-size trade-off made visible) live in
`nablalab.numeric.finite_difference`.
"""

from nablalab.numeric.autodiff import Tensor, no_grad
from nablalab.numeric.finite_difference import StepErrorTable, step_error_table
from nablalab.numeric.forward import Dual, jvp
from nablalab.numeric.functional import grad, hessian, hvp, jacobian

__all__ = [
    "Dual",
    "StepErrorTable",
    "Tensor",
    "grad",
    "hessian",
    "hvp",
    "jacobian",
    "jvp",
    "no_grad",
    "step_error_table",
]
