"""The Sandpit game (course module 2): a phone lies at the lowest point of a hidden 6 × 6
sandpit floor, and the learner finds it by digging, guided only by depth readings and (in
most variants) a downhill arrow from finite differences.

Every floor is a SymPy expression built from a variant and a seed, so a challenge is
shareable as (variant, seed), the descent lab gets exact J and H of the same floor, and the
game's referee knows where the phone is: the global minimum by a global optimiser
(differential evolution, confirmed by local searches from a grid of starts), and every
local minimum, where a learner following the arrows gets stuck. Pure Python, no Django: the
web app keeps the games and scores.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import sympy as sp
from scipy.optimize import differential_evolution, minimize

from nablalab.numeric.finite_difference import gradient
from nablalab.optimize.problem import Objective, objective

SIZE = 6.0  # metres: the floor is [0, 6] × [0, 6]
FOUND_WITHIN = 0.15  # a dig this close to the phone finds it
WARNING_AT = 22
MAX_GUESSES = 25
ARROW_STEP = 1e-4  # finite-difference step for the downhill arrow
# Seeds span what a database integer holds: too many floors to tabulate offline and match
# against a game's first readings.
MAX_SEED = 2**31 - 1
X, Y = sp.symbols("x y", real=True)

VARIANTS: dict[str, str] = {
    "intro": "One smooth hollow: follow the arrows down.",
    "depth": "Depth readings only, no arrows: estimate the slope from your own digs.",
    "random": "A random floor of several hollows, different for every seed.",
    "minima": "Several hollows of different depths: the arrows may lead you to the wrong one.",
    "rocks": "A rocky, bumpy floor: the arrows jitter from dig to dig.",
    "well": "A broad hollow, and somewhere else a narrow, deeper well.",
}
NO_ARROWS = frozenset({"depth"})


def _hollow(cx: float, cy: float, depth: float, width: float) -> sp.Expr:
    """A Gaussian dip of the given depth (m) and width (m) centred on (cx, cy)."""
    return -depth * sp.exp(-((X - cx) ** 2 + (Y - cy) ** 2) / (2 * width**2))


def _pit(cx: float, cy: float, a: float, b: float, c: float) -> sp.Expr:
    """The sand sloping up towards the walls, least steep around (cx, cy)."""
    dx, dy = X - cx, Y - cy
    return a * dx**2 + b * dy**2 + c * dx * dy


def _spots(rng: np.random.Generator, count: int, apart: float) -> list[tuple[float, float]]:
    """``count`` points well inside the pit, at least ``apart`` from each other."""
    spots: list[tuple[float, float]] = []
    while len(spots) < count:
        spot = tuple(float(v) for v in np.round(rng.uniform(1.0, 5.0, 2), 2))
        if all(np.hypot(spot[0] - s[0], spot[1] - s[1]) >= apart for s in spots):
            spots.append(spot)  # type: ignore[arg-type]
    return spots


def floor_expression(variant: str, seed: int) -> sp.Expr:
    """The floor's height (m, negative below the rim) for a variant and seed; its highest
    point is 10 cm below the rim, so every depth reads as a positive number."""
    shape = _shape(variant, seed)
    axis = np.linspace(0, SIZE, 31)
    top = float(np.max(sp.lambdify((X, Y), shape, "numpy")(*np.meshgrid(axis, axis))))
    return shape - sp.Float(round(top + 0.1, 2))


def _shape(variant: str, seed: int) -> sp.Expr:
    if variant not in VARIANTS:
        raise ValueError(f"there is no sandpit variant {variant!r}; choose one of "
                         f"{', '.join(VARIANTS)}")
    rng = np.random.default_rng([seed, list(VARIANTS).index(variant)])
    if variant in ("intro", "depth"):
        (cx, cy), = _spots(rng, 1, 0)
        a, b = np.round(rng.uniform(0.04, 0.09, 2), 3)
        c = round(float(rng.uniform(-0.03, 0.03)), 3)
        return _pit(cx, cy, a, b, c) + _hollow(cx, cy, 1.2, 1.4)
    if variant == "random":
        count = int(rng.integers(2, 5))
        spots = _spots(rng, count, 1.2)
        depths = np.round(rng.uniform(0.4, 1.4, count), 2)
        widths = np.round(rng.uniform(0.5, 1.2, count), 2)
        return (_pit(3, 3, 0.03, 0.03, 0) + sum(
            (_hollow(x, y, d, w) for (x, y), d, w in zip(spots, depths, widths, strict=True)),
            sp.Integer(0)))
    if variant == "minima":
        spots = _spots(rng, 3, 2.0)
        depths = (1.5, 1.1, 0.8)
        return _pit(3, 3, 0.03, 0.03, 0) + sum(
            (_hollow(x, y, d, 0.7) for (x, y), d in zip(spots, depths, strict=True)),
            sp.Integer(0))
    if variant == "rocks":
        (cx, cy), *rocks = _spots(rng, 4, 1.0)
        phases = np.round(rng.uniform(0, 2 * np.pi, 2), 3)
        ripples = 0.03 * (sp.sin(3.1 * X + phases[0]) * sp.sin(2.7 * Y + phases[1]))
        bumps = sum((-_hollow(x, y, 0.25, 0.3) for x, y in rocks), sp.Integer(0))
        return _pit(cx, cy, 0.05, 0.05, 0) + _hollow(cx, cy, 1.2, 1.5) + bumps + ripples
    (bx, by), (wx, wy) = _spots(rng, 2, 2.5)  # "well"
    return (_pit(bx, by, 0.04, 0.04, 0) + _hollow(bx, by, 0.9, 1.3)
            + _hollow(wx, wy, 1.4, 0.3))


@dataclass(frozen=True)
class Minimum:
    x: float
    y: float
    height: float

    def distance(self, x: float, y: float) -> float:
        return float(np.hypot(x - self.x, y - self.y))


@dataclass(frozen=True)
class Floor:
    """One sandpit floor and what the referee knows about it."""

    variant: str
    seed: int
    expression: sp.Expr
    height: Callable[[np.ndarray], float]  # at a point [x, y]
    heights: Callable[[np.ndarray, np.ndarray], np.ndarray]  # on grids
    minimum: Minimum  # the global one: where the phone is
    local_minima: tuple[Minimum, ...]  # every other minimum inside the pit

    @property
    def arrows(self) -> bool:
        return self.variant not in NO_ARROWS

    def depth(self, x: float, y: float) -> float:
        return -self.height(np.array([x, y]))

    def downhill(self, x: float, y: float) -> tuple[float, float]:
        """The unit vector of -∇f by central differences (zero on flat ground)."""
        slope = gradient(self.height, np.array([x, y]), h=ARROW_STEP)
        size = float(np.linalg.norm(slope))
        return (0.0, 0.0) if size == 0 else (-slope[0] / size, -slope[1] / size)

    def grid(self, samples: int = 61) -> tuple[np.ndarray, np.ndarray]:
        """Sample points along each side and the depth on the grid (rows: y)."""
        axis = np.linspace(0, SIZE, samples)
        xs, ys = np.meshgrid(axis, axis)
        return axis, -self.heights(xs, ys)


@functools.lru_cache(maxsize=128)
def make_floor(variant: str, seed: int) -> Floor:
    """The floor for (variant, seed), its global minimum and its local minima."""
    if not 0 <= seed <= MAX_SEED:
        raise ValueError(f"the seed must be a whole number from 0 to {MAX_SEED}")
    expr = floor_expression(variant, seed)
    heights = sp.lambdify((X, Y), expr, "numpy")
    slope = sp.lambdify((X, Y), [sp.diff(expr, X), sp.diff(expr, Y)], "numpy")

    def height(p: np.ndarray) -> float:
        return float(heights(p[0], p[1]))

    def jac(p: np.ndarray) -> np.ndarray:
        return np.array(slope(p[0], p[1]), dtype=float)

    minima = _minima(heights, height, jac, seed)
    best = min(minima, key=lambda m: m.height)
    others = tuple(m for m in minima if m.distance(best.x, best.y) > FOUND_WITHIN)
    return Floor(variant, seed, expr, height,
                 lambda xs, ys: np.broadcast_to(heights(xs, ys), np.shape(xs)).astype(float),
                 best, others)


def _minima(heights: Callable[..., np.ndarray], height: Callable[[np.ndarray], float],
            jac: Callable[[np.ndarray], np.ndarray], seed: int) -> list[Minimum]:
    """Differential evolution for the global minimum, and local searches from every dip of a
    121 × 121 sample for the others. Points on the walls or where the slope does not
    vanish are not minima of the floor and are dropped."""
    bounds = [(0.0, SIZE), (0.0, SIZE)]
    axis = np.linspace(0, SIZE, 121)
    xs, ys = np.meshgrid(axis, axis)
    sample = heights(xs, ys)
    inner = sample[1:-1, 1:-1]
    lowest = np.ones_like(inner, dtype=bool)
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            if dx or dy:
                lowest &= inner <= sample[1 + dy:sample.shape[0] - 1 + dy,
                                          1 + dx:sample.shape[1] - 1 + dx]
    rows, cols = np.nonzero(lowest)
    found = [differential_evolution(lambda p: heights(p[0], p[1]), bounds, seed=seed,
                                    vectorized=True, updating="deferred", polish=False).x]
    found += [np.array([axis[c + 1], axis[r + 1]]) for r, c in zip(rows, cols, strict=True)]
    minima: list[Minimum] = []
    for point in found:
        point = minimize(height, point, jac=jac, method="BFGS", options={"gtol": 1e-10}).x
        inside = np.all((point > 1e-3) & (point < SIZE - 1e-3))
        if not inside or np.linalg.norm(jac(point)) > 1e-6:
            continue
        if all(m.distance(*point) > 1e-3 for m in minima):
            minima.append(Minimum(float(point[0]), float(point[1]), height(point)))
    return minima


@dataclass(frozen=True)
class Dig:
    """What one dig tells the learner, and where the game stands after it."""

    x: float
    y: float
    depth: float
    arrow: tuple[float, float] | None
    guess: int
    outcome: str  # digging | warning | stuck | found | lost
    message: str

    @property
    def over(self) -> bool:
        return self.outcome in ("found", "lost")


def dig(floor: Floor, x: float, y: float, guess: int) -> Dig:
    """The result of dig number ``guess`` (1-based) at (x, y), by the course's rules."""
    if not (0 <= x <= SIZE and 0 <= y <= SIZE):
        raise ValueError(f"dig inside the sandpit: x and y between 0 and {SIZE:g}")
    if not 1 <= guess <= MAX_GUESSES:
        raise ValueError(f"the game is over: it allows {MAX_GUESSES} digs")
    depth = round(floor.depth(x, y), 3)
    arrow = floor.downhill(x, y) if floor.arrows else None
    left = MAX_GUESSES - guess
    if floor.minimum.distance(x, y) <= FOUND_WITHIN:
        outcome = "found"
        message = (f"Found it! The phone was at ({floor.minimum.x:.2f}, "
                   f"{floor.minimum.y:.2f}), {-floor.minimum.height:.3f} m down; "
                   f"you needed {guess} dig{'s' if guess != 1 else ''}.")
    elif guess == MAX_GUESSES:
        outcome = "lost"
        message = (f"Out of digs: the phone was at ({floor.minimum.x:.2f}, "
                   f"{floor.minimum.y:.2f}). The contours show the whole floor now.")
    elif any(m.distance(x, y) <= FOUND_WITHIN for m in floor.local_minima):
        outcome = "stuck"
        message = ("Stuck in a local optimum: every direction is uphill from here, but the "
                   f"phone is not here. Dig somewhere else ({left} digs left).")
    elif guess >= WARNING_AT:
        outcome = "warning"
        message = f"Careful: only {left} dig{'s' if left != 1 else ''} left."
    else:
        outcome = "digging"
        message = f"Depth {depth:.3f} m. {left} digs left."
    return Dig(x, y, depth, arrow, guess, outcome, message)


def replay(floor: Floor, digs: Sequence[tuple[float, float]]) -> list[Dig]:
    """Every dig of a game in order (the game's record is just its dig positions)."""
    return [dig(floor, x, y, i) for i, (x, y) in enumerate(digs, start=1)]


@functools.lru_cache(maxsize=64)
def floor_objective(variant: str, seed: int) -> Objective:
    """f, exact J and exact H of a floor, for the descent lab's walkers."""
    return objective(make_floor(variant, seed).expression, variables=[X, Y])
