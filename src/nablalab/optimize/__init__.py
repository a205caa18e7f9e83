"""Optimisation (course module 5): Newton–Raphson, descent methods, Lagrange multipliers.

Every solver returns ``nablalab.numeric.result.Result`` with one history row per
iteration. Functions come as callables, SymPy expressions or learner text (through the
safe parser); derivatives of expressions are exact.
"""

from nablalab.optimize.lagrange import (
    CriticalPoint,
    LagrangeSolution,
    LagrangeSystem,
    bordered_hessian,
    classify,
    lagrange_points,
    lagrange_system,
    solve_lagrange,
)
from nablalab.optimize.minimize import METHODS, minimize, walk
from nablalab.optimize.newton import newton_raphson, newton_system
from nablalab.optimize.problem import Objective, objective
from nablalab.optimize.strategies import (
    Adam,
    Momentum,
    Strategy,
    fixed_length,
    hybrid,
    hybrid_choice,
    newton_step,
    steepest_descent,
)

__all__ = [
    "METHODS",
    "Adam",
    "CriticalPoint",
    "LagrangeSolution",
    "LagrangeSystem",
    "Momentum",
    "Objective",
    "Strategy",
    "bordered_hessian",
    "classify",
    "fixed_length",
    "hybrid",
    "hybrid_choice",
    "lagrange_points",
    "lagrange_system",
    "minimize",
    "newton_raphson",
    "newton_step",
    "newton_system",
    "objective",
    "solve_lagrange",
    "steepest_descent",
    "walk",
]
