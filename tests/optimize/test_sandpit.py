"""The Sandpit's floors and rules: the phone is where a dense grid says the floor is lowest,
the arrows point downhill, and the game follows the course (warning at 22, lost after 25,
found within 0.15, stuck at a local minimum)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from nablalab.optimize.sandpit import (
    FOUND_WITHIN,
    MAX_GUESSES,
    VARIANTS,
    X,
    Y,
    dig,
    floor_expression,
    make_floor,
    replay,
)

GRID = np.linspace(0, 6, 601)


@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.parametrize("seed", [0, 42])
def test_the_phone_is_at_the_lowest_point_of_a_dense_grid(variant, seed):
    floor = make_floor(variant, seed)
    xs, ys = np.meshgrid(GRID, GRID)
    heights = sp.lambdify((X, Y), floor.expression, "numpy")(xs, ys)
    row, col = np.unravel_index(np.argmin(heights), heights.shape)
    assert np.hypot(GRID[col] - floor.minimum.x, GRID[row] - floor.minimum.y) < 0.02
    assert floor.minimum.height <= heights.min() + 1e-9
    for other in floor.local_minima:  # true minima: zero slope, positive-definite Hessian
        at = {X: other.x, Y: other.y}
        slope = [float(sp.diff(floor.expression, v).subs(at)) for v in (X, Y)]
        hessian = np.array(sp.hessian(floor.expression, (X, Y)).subs(at).evalf(), dtype=float)
        assert np.allclose(slope, 0, atol=1e-6)
        assert np.all(np.linalg.eigvalsh(hessian) > 0)
        assert other.height > floor.minimum.height


def test_multiple_minima_and_well_variants_have_a_trap():
    assert all(len(make_floor("minima", seed).local_minima) >= 2 for seed in range(4))
    assert all(len(make_floor("well", seed).local_minima) >= 1 for seed in range(4))


def test_same_seed_same_floor_and_different_seeds_differ():
    assert floor_expression("random", 7) == floor_expression("random", 7)
    assert make_floor("random", 7).minimum == make_floor("random", 7).minimum
    assert floor_expression("random", 7) != floor_expression("random", 8)


def test_every_depth_is_below_the_rim():
    for variant in VARIANTS:
        _, depth = make_floor(variant, 3).grid(41)
        assert depth.min() >= 0.099


def test_the_arrow_points_down_the_exact_gradient():
    floor = make_floor("intro", 9)
    exact = [sp.lambdify((X, Y), -sp.diff(floor.expression, v)) for v in (X, Y)]
    for x, y in [(0.5, 0.5), (5.2, 1.0), (3.0, 4.4)]:
        arrow = np.array(floor.downhill(x, y))
        downhill = np.array([exact[0](x, y), exact[1](x, y)])
        np.testing.assert_allclose(arrow, downhill / np.linalg.norm(downhill), atol=1e-6)
        assert floor.depth(x + 0.01 * arrow[0], y + 0.01 * arrow[1]) > floor.depth(x, y)


def test_depth_only_variant_has_no_arrow():
    floor = make_floor("depth", 1)
    assert dig(floor, 1.0, 1.0, 1).arrow is None
    assert dig(make_floor("intro", 1), 1.0, 1.0, 1).arrow is not None


def _far_from_everything(floor, count):
    """``count`` digs that are neither at the phone nor at a local minimum."""
    spots = [(x, y) for x in np.linspace(0.2, 5.8, 12) for y in np.linspace(0.2, 5.8, 12)
             if floor.minimum.distance(x, y) > 1 and
             all(m.distance(x, y) > 1 for m in floor.local_minima)]
    return spots[:count]


def test_warning_at_guess_22_and_lost_after_25():
    floor = make_floor("intro", 4)
    digs = replay(floor, _far_from_everything(floor, MAX_GUESSES))
    outcomes = [d.outcome for d in digs]
    assert outcomes[:21] == ["digging"] * 21
    assert outcomes[21:24] == ["warning"] * 3 and "3 digs left" in digs[21].message
    assert outcomes[24] == "lost" and digs[24].over
    with pytest.raises(ValueError, match="over"):
        dig(floor, 1, 1, MAX_GUESSES + 1)


def test_found_within_0_15_of_the_phone_and_not_beyond():
    floor = make_floor("intro", 4)
    x, y = floor.minimum.x, floor.minimum.y
    assert dig(floor, x + 0.99 * FOUND_WITHIN, y, 3).outcome == "found"
    assert dig(floor, x, y - 1.01 * FOUND_WITHIN, 3).outcome != "found"
    found = dig(floor, x, y, 25)  # the last dig can still win
    assert found.outcome == "found" and "25 digs" in found.message


def test_stuck_in_a_local_optimum():
    floor = make_floor("minima", 2)
    trap = floor.local_minima[0]
    result = dig(floor, trap.x + 0.05, trap.y, 1)
    assert result.outcome == "stuck" and "local optimum" in result.message
    assert dig(floor, trap.x + 0.3, trap.y, 1).outcome == "digging"


def test_digs_outside_the_pit_and_unknown_variants_are_refused():
    with pytest.raises(ValueError, match="inside the sandpit"):
        dig(make_floor("intro", 1), 6.5, 1, 1)
    with pytest.raises(ValueError, match="no sandpit variant"):
        floor_expression("lava", 1)
