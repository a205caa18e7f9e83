"""Where two expressions are compared: a fixed, reproducible list of sample points.

The same answer must always get the same verdict, so the points come from a seeded
generator, one list per number of variables. Each coordinate mixes scales and signs so
that small domains (|x| <= 1 for asin, x >= 1 for acosh, the positive quadrant for
log(x) + log(y)), both sides of 0 (the atan(x) + atan(1/x) trap) and large values
(x^30 terms, e^(1000x)) are all visited within the first few dozen points.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from mpmath import mpf

CANDIDATES = 96
_SEED = 20_240_917


@cache
def sample_points(dimension: int) -> tuple[tuple[mpf, ...], ...]:
    """``CANDIDATES`` points of R^dimension (just the empty point when there are no variables)."""
    if dimension == 0:
        return ((),)
    rng = np.random.default_rng(_SEED + dimension)
    columns = [_coordinates(rng, CANDIDATES) for _ in range(dimension)]
    return tuple(tuple(mpf(float(column[i])) for column in columns) for i in range(CANDIDATES))


def _coordinates(rng: np.random.Generator, count: int) -> np.ndarray:
    """One coordinate for ``count`` points: a mixture of ranges, shuffled by point."""
    sign = rng.choice([-1.0, 1.0], size=count)
    unit = rng.uniform(-1.0, 1.0, size=count)                     # asin, atanh, |x| < 1
    moderate = sign * rng.uniform(0.05, 3.0, size=count)            # everyday values
    positive = rng.uniform(1.0, 4.0, size=count)                    # acosh, log(x - 1)
    wide = sign * np.exp(rng.uniform(np.log(3.0), np.log(60.0), size=count))  # large x
    tiny = sign * np.exp(rng.uniform(np.log(1e-3), np.log(0.05), size=count))
    choice = rng.choice(5, size=count, p=[0.25, 0.35, 0.15, 0.15, 0.10])
    return np.choose(choice, [unit, moderate, positive, wide, tiny])
