"""The Lagrange remainder bound: how wrong can the Taylor polynomial be on an interval?

|f(x) - P_n(x)| <= M |x - a|^(n+1) / (n+1)!, with M the largest |f^(n+1)| on the interval.
M must really be the maximum, so it is sought two ways and the larger answer kept: exact
critical points of f^(n+1) (plus the endpoints) from SymPy, and a dense sample refined by
a bounded local search. As a final safety check the bound is compared with the actual
error sampled across the interval.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy as sp
from scipy.optimize import minimize_scalar
from sympy.calculus.util import continuous_domain

from nablalab.mathinput.coerce import PointLike, as_number, expr_dict
from nablalab.taylor.expansion_point import ordinal
from nablalab.taylor.series import TaylorSeries
from nablalab.timelimit import ComputationTimeout, call_with_timeout

CRITICAL_POINT_SECONDS = 5.0
_SAMPLES = 2001


@dataclass(frozen=True)
class RemainderBound:
    """The bound, how M was found, and the observed worst error for comparison."""

    interval: tuple[sp.Expr, sp.Expr]
    derivative: sp.Expr
    max_derivative: float
    argmax: float
    exact_critical_points: bool
    bound: float
    observed_max_error: float
    remainder_form: sp.Expr

    @property
    def verified(self) -> bool:
        """The safety check: the sampled worst error is within the bound (up to rounding)."""
        return self.observed_max_error <= self.bound + 1e-12 * (1 + self.bound)

    def to_dict(self) -> dict[str, Any]:
        return {
            "interval": [expr_dict(end) for end in self.interval],
            "derivative": expr_dict(self.derivative),
            "max_derivative": self.max_derivative, "argmax": self.argmax,
            "exact_critical_points": self.exact_critical_points,
            "bound": self.bound, "observed_max_error": self.observed_max_error,
            "verified": self.verified,
            "remainder_form": expr_dict(self.remainder_form),
        }


def remainder_bound(
    series: TaylorSeries, interval: tuple[PointLike, PointLike]
) -> RemainderBound:
    """Bound |f - P_n| on ``interval`` (which must contain the expansion point)."""
    f, x, a, n = series.function, series.variable, series.point, series.order
    lo, hi = (as_number(end) for end in interval)
    if not lo <= a <= hi:
        raise ValueError(f"the interval [{lo}, {hi}] must contain the expansion point {a}")
    derivative = sp.diff(f, x, n + 1)
    _require_continuous(derivative, x, sp.Interval(lo, hi), n + 1)
    magnitude = sp.lambdify(x, derivative, "numpy")
    grid = np.linspace(float(lo), float(hi), _SAMPLES)
    with np.errstate(all="ignore"):
        sampled = np.abs(np.broadcast_to(magnitude(grid), grid.shape).astype(complex))
    if not np.all(np.isfinite(sampled)):
        bad = grid[~np.isfinite(sampled)][0]
        raise ValueError(
            f"the {ordinal(n + 1)} derivative of f is infinite or undefined near x = {bad:.6g} "
            f"inside [{lo}, {hi}]: no finite remainder bound on this interval"
        )
    candidates = [float(lo), float(hi), *_refined_sample_peaks(magnitude, grid, sampled)]
    exact = _critical_points(derivative, x, lo, hi)
    candidates += exact or []
    values = [abs(complex(magnitude(c))) for c in candidates]
    best = int(np.argmax(values))
    largest_step = float(max(abs(hi - a), abs(a - lo)))
    bound = values[best] * largest_step ** (n + 1) / float(sp.factorial(n + 1))
    xi = sp.Symbol("xi", real=True)
    remainder_form = derivative.subs(x, xi) / sp.factorial(n + 1) * (x - a) ** (n + 1)
    return RemainderBound(
        (lo, hi), derivative, values[best], candidates[best], exact is not None, bound,
        _observed_error(f, series.polynomial, x, grid), remainder_form,
    )


def _require_continuous(derivative: sp.Expr, x: sp.Symbol, interval: sp.Interval, k: int) -> None:
    """The bound needs f^(k) finite everywhere on the interval; a sample could miss a pole."""
    try:
        domain = call_with_timeout(
            continuous_domain, derivative, x, interval, timeout=CRITICAL_POINT_SECONDS,
        )
    except (ComputationTimeout, NotImplementedError, ValueError, TypeError):
        return  # undecided: the dense sample below still checks for infinities
    gaps = interval - domain
    if gaps is not sp.S.EmptySet:
        raise ValueError(
            f"the {ordinal(k)} derivative of f is infinite or undefined at {gaps} inside "
            f"[{interval.start}, {interval.end}]: no finite remainder bound on this interval"
        )


def _refined_sample_peaks(magnitude: Any, grid: np.ndarray, sampled: np.ndarray) -> list[float]:
    """Local maxima of the sample, each polished by a bounded search between its neighbours."""
    peaks = [i for i in range(1, len(grid) - 1) if sampled[i] >= sampled[i - 1]
             and sampled[i] >= sampled[i + 1]]
    peaks = sorted(peaks, key=lambda i: -sampled[i])[:10]
    refined = []
    for i in peaks:
        result = minimize_scalar(
            lambda t: -abs(complex(magnitude(t))), bounds=(grid[i - 1], grid[i + 1]),
            method="bounded", options={"xatol": 1e-12},
        )
        refined += [float(grid[i]), float(result.x)]
    return refined


def _critical_points(
    derivative: sp.Expr, x: sp.Symbol, lo: sp.Expr, hi: sp.Expr
) -> list[float] | None:
    """Real zeros of the next derivative inside [lo, hi], or None when SymPy cannot say."""
    try:
        points = call_with_timeout(
            sp.solveset, sp.diff(derivative, x), x, sp.Interval(lo, hi),
            timeout=CRITICAL_POINT_SECONDS,
        )
    except (ComputationTimeout, NotImplementedError, ValueError, TypeError):
        return None
    if points is sp.S.EmptySet:
        return []
    if not isinstance(points, sp.FiniteSet):
        return None
    return [float(p) for p in points if p.is_real]


def _observed_error(f: sp.Expr, polynomial: sp.Expr, x: sp.Symbol, grid: np.ndarray) -> float:
    exact = np.broadcast_to(sp.lambdify(x, f, "numpy")(grid), grid.shape)
    approx = np.broadcast_to(sp.lambdify(x, polynomial, "numpy")(grid), grid.shape)
    return float(np.max(np.abs(exact - approx)))
