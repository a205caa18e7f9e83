"""Taylor series and linearisation (course module 4), built on SymPy.

One variable: ``taylor_series`` (worked table, general term, radius of convergence),
``remainder_bound`` (Lagrange form), ``check_expansion_points`` (why a point fails) and
``parity`` (odd/even: which powers can appear).
Several variables: ``taylor_multivariate`` and ``linearise``, with error tables that show
the O(Δx^(n+1)) behaviour. Every result has ``to_dict()`` for the web layer.
"""

from nablalab.taylor.error_table import ErrorTable
from nablalab.taylor.expansion_point import (
    ExpansionPointError,
    PointVerdict,
    check_expansion_points,
)
from nablalab.taylor.general_term import GeneralTerm
from nablalab.taylor.multivariate import MultivariateTaylor, linearise, taylor_multivariate
from nablalab.taylor.parity import parity
from nablalab.taylor.radius import Radius
from nablalab.taylor.remainder import RemainderBound, remainder_bound
from nablalab.taylor.series import SeriesTerm, TaylorSeries, taylor_series

__all__ = [
    "ErrorTable",
    "ExpansionPointError",
    "GeneralTerm",
    "MultivariateTaylor",
    "PointVerdict",
    "Radius",
    "RemainderBound",
    "SeriesTerm",
    "TaylorSeries",
    "check_expansion_points",
    "linearise",
    "parity",
    "remainder_bound",
    "taylor_multivariate",
    "taylor_series",
]
