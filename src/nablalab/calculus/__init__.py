"""Step-by-step symbolic calculus: derivatives with every rule explained.

``differentiate`` handles one expression (any order, partial or mixed); ``gradient``,
``jacobian``, ``hessian`` and ``chain_rule`` (alias ``total_derivative``) handle several
variables. Each returns a ``CalculusResult`` whose ``.result`` is SymPy, ``.steps`` the
rule tree and ``.to_dict()`` its JSON form; ``render_steps`` prints it with rich.
"""

from nablalab.calculus.errors import CalculusError
from nablalab.calculus.render import render_steps
from nablalab.calculus.results import CalculusResult
from nablalab.calculus.single import differentiate
from nablalab.calculus.steps import Step
from nablalab.calculus.vector import chain_rule, gradient, hessian, jacobian, total_derivative

__all__ = [
    "CalculusError",
    "CalculusResult",
    "Step",
    "chain_rule",
    "differentiate",
    "gradient",
    "hessian",
    "jacobian",
    "render_steps",
    "total_derivative",
]
