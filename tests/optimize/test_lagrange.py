"""Lagrange multipliers: exact critical points with the bordered Hessian, and the
course's numeric DL = 0 problems against scipy.optimize.root and SLSQP."""

import json

import numpy as np
import pytest
import sympy as sp
from scipy.linalg import null_space
from scipy.optimize import minimize as scipy_minimize
from scipy.optimize import root

from nablalab.numeric.result import Status
from nablalab.optimize import classify, lagrange_points, lagrange_system, solve_lagrange

x, y, z = sp.symbols("x y z", real=True)
COURSE_F = sp.exp(-(2 * x**2 + y**2 - x * y) / 2)
COURSE_G = x**2 + 3 * (y + 1) ** 2 - 1
SECOND_F = -sp.exp(x - y**2 + x * y)
SECOND_G = sp.cosh(y) + x - 2


def slsqp(f, g, start, sign=1):
    fun, con = sp.lambdify([(x, y)], sign * f), sp.lambdify([(x, y)], g)
    return scipy_minimize(fun, start, method="SLSQP", constraints=[{"type": "eq", "fun": con}],
                          options={"ftol": 1e-14}).x


def tangent_hessian_kind(f, g, point, lam):
    """Independent classification: eigenvalues of ∇²L restricted to the tangent space."""
    at = dict(zip((x, y), point, strict=True))
    hess = np.array(sp.hessian(f - lam * g, (x, y)).subs(at).evalf().tolist(), dtype=float)
    grad = np.array([[float(sp.diff(g, v).subs(at)) for v in (x, y)]])
    basis = null_space(grad)
    eigenvalues = np.linalg.eigvalsh(basis.T @ hess @ basis)
    return "local min" if np.all(eigenvalues > 0) else "local max" if np.all(eigenvalues < 0) \
        else "saddle"


def test_course_problem_from_minus_1_minus_1_0():
    result = solve_lagrange(COURSE_F, [COURSE_G], [-1, -1, 0])
    assert result.status is Status.CONVERGED
    DL = sp.lambdify([(x, y, sp.Symbol("lambda", real=True))],
                     list(lagrange_system(COURSE_F, [COURSE_G]).equations))
    reference = root(DL, [-1, -1, 0], tol=1e-14)
    assert result.solution == pytest.approx(reference.x, abs=1e-9)
    assert result.x == pytest.approx(slsqp(COURSE_F, COURSE_G, [-1, -1]), abs=1e-6)
    assert result.classification == "local min"
    assert result.classification == tangent_hessian_kind(
        COURSE_F, COURSE_G, result.x, result.multipliers[0])
    json.dumps(result.to_dict())


def test_course_problem_maximum_from_another_start():
    result = solve_lagrange(COURSE_F, [COURSE_G], [0, -0.5, 0])
    assert result.status is Status.CONVERGED
    assert result.x == pytest.approx(slsqp(COURSE_F, COURSE_G, [0, -0.5], sign=-1), abs=1e-6)
    assert result.classification == "local max"


def test_second_course_problem_against_slsqp():
    result = solve_lagrange(SECOND_F, [SECOND_G], [0, 0, 0])
    assert result.status is Status.CONVERGED
    assert result.x == pytest.approx(slsqp(SECOND_F, SECOND_G, [0, 0]), abs=1e-6)
    assert result.fun == pytest.approx(float(SECOND_F.subs({x: result.x[0], y: result.x[1]})))
    assert result.classification == tangent_hessian_kind(
        SECOND_F, SECOND_G, result.x, result.multipliers[0])


def test_xy_on_the_unit_circle_exactly():
    solution = lagrange_points(x * y, [x**2 + y**2 - 1])
    assert solution.compact and len(solution.points) == 4
    half = sp.sqrt(2) / 2
    by_kind = {(p.point, p.classification, p.global_label) for p in solution.points}
    assert by_kind == {
        ((half, half), "local max", "global max"), ((-half, -half), "local max", "global max"),
        ((half, -half), "local min", "global min"), ((-half, half), "local min", "global min"),
    }
    for p in solution.points:
        assert p.multipliers[0] == p.value  # y = 2λx, x = 2λy and x² + y² = 1 give λ = xy
    json.dumps(solution.to_dict())


def test_two_constraints_in_three_variables():
    solution = lagrange_points(x + y + z, [x**2 + y**2 + z**2 - 1, x - y])
    values = sorted(p.value for p in solution.points)
    assert values == [-sp.sqrt(3), sp.sqrt(3)]
    kinds = {p.value: p.classification for p in solution.points}
    assert kinds == {sp.sqrt(3): "local max", -sp.sqrt(3): "local min"}


def test_unbounded_constraint_gets_no_global_label_and_saddles_are_named():
    # f = x² - y² + 2z on the plane z = 0: the origin is a saddle of f on the plane
    solution = lagrange_points(x**2 - y**2 + 2 * z, [z])
    (point,) = solution.points
    assert point.classification == "saddle" and point.global_label is None


def test_point_where_the_gradient_of_g_vanishes_is_a_candidate():
    # minimise x on the cusp y² = x³: the minimum is the cusp (0, 0), where ∇g = 0
    solution = lagrange_points(x, [y**2 - x**3])
    assert [p.point for p in solution.points] == [(0, 0)]
    assert "∇g = 0" in solution.points[0].note


def test_hard_symbolic_system_times_out_honestly():
    solution = lagrange_points(COURSE_F, [COURSE_G], timeout=1)
    assert not solution.complete and solution.points == ()
    assert "solve_lagrange" in solution.message


def test_classify_sign_rules():
    # n = 2, m = 1: det > 0 is a local max, det < 0 a local min
    assert classify(np.array([[0, 1, 0], [1, -2, 0], [0, 0, -2.0]]), 1)[0] == "local max"
    assert classify(np.array([[0, 1, 0], [1, 2, 0], [0, 0, 2.0]]), 1)[0] == "local min"
    assert classify(np.array([[0, 1, 0], [1, 2, 0], [0, 0, 0.0]]), 1)[0] == "inconclusive"


def test_input_errors():
    with pytest.raises(ValueError, match="no freedom"):
        lagrange_system(x + y, [x - 1, y - 1])
    with pytest.raises(ValueError, match="3 numbers"):
        solve_lagrange(COURSE_F, [COURSE_G], [0, 0])
