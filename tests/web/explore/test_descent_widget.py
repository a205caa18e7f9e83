"""Gradient descent in a sandpit: every strategy's steps against J and H computed here with
SymPy, and the learner's next_step run in the sandbox (good code, errors, loops, shapes)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from nablalab.optimize.sandpit import X, Y, make_floor

WALK, OWN = "/api/widgets/sandpit-descent/walk", "/api/widgets/sandpit-descent/own"
START = [1.0, 4.5]
FLOOR = {"variant": "minima", "seed": 3}


def reference():
    """f, J and H of the floor, straight from SymPy."""
    expr = make_floor("minima", 3).expression
    f = sp.lambdify((X, Y), expr)
    J = sp.lambdify((X, Y), [sp.diff(expr, v) for v in (X, Y)])
    H = sp.lambdify((X, Y), sp.hessian(expr, (X, Y)).tolist())
    return (lambda p: f(*p)), (lambda p: np.array(J(*p))), (lambda p: np.array(H(*p)))


def path(client, strategy):
    response = client.post(WALK, {**FLOOR, "strategy": strategy, "start": START},
                           content_type="application/json")
    assert response.status_code == 200, response.content
    data = response.json()
    return np.column_stack([data["x"], data["y"]]), data


def expected_steps(strategy, points):
    """Each step from the points the walk visited, by the strategy's own formula."""
    _, J, H = reference()
    steps, velocity, mean, square = [], np.zeros(2), np.zeros(2), np.zeros(2)
    for k, p in enumerate(points[:-1], start=1):
        g = J(p)
        if strategy == "fixed":
            step = -0.1 * g / np.linalg.norm(g)
        elif strategy == "steepest":
            step = -0.5 * g
        elif strategy == "newton":
            step = -np.linalg.solve(H(p), g)
        elif strategy == "hybrid":
            newton = -np.linalg.solve(H(p), g)
            step = newton if newton @ g < 0 and np.linalg.norm(newton) <= 2 else -0.5 * g
        elif strategy == "momentum":
            velocity = 0.8 * velocity - 0.1 * g
            step = velocity
        else:  # adam
            mean, square = 0.9 * mean + 0.1 * g, 0.999 * square + 0.001 * g**2
            step = -0.1 * (mean / (1 - 0.9**k)) / (np.sqrt(square / (1 - 0.999**k)) + 1e-8)
        steps.append(step)
    return np.array(steps)


@pytest.mark.django_db
@pytest.mark.parametrize("strategy", ["fixed", "steepest", "newton", "hybrid", "momentum",
                                      "adam"])
def test_every_strategy_steps_by_its_formula(client, strategy):
    points, data = path(client, strategy)
    assert len(points) >= 6  # at least one click's worth of steps
    np.testing.assert_allclose(np.diff(points, axis=0), expected_steps(strategy, points),
                               rtol=1e-7, atol=1e-10)
    f, _, _ = reference()
    np.testing.assert_allclose(data["f"], [f(p) for p in points], atol=1e-10)


@pytest.mark.django_db
def test_steepest_descent_goes_downhill_and_the_hybrid_says_which_rule(client):
    _, steepest = path(client, "steepest")
    assert steepest["f"][5] < steepest["f"][0]
    _, hybrid = path(client, "hybrid")
    assert set(hybrid["rule"]) <= {"newton", "steepest"} and "newton" in hybrid["rule"]


@pytest.mark.django_db
@pytest.mark.parametrize(("body", "words"), [
    ({"strategy": "teleport"}, "no strategy"),
    ({"variant": "lava"}, "no sandpit variant"),
    ({"start": [7, 1]}, "inside the sandpit"),
])
def test_bad_walks_are_refused_with_a_reason(client, body, words):
    response = client.post(WALK, {**FLOOR, "strategy": "steepest", "start": START, **body},
                           content_type="application/json")
    assert response.status_code == 422 and words in response.json()["detail"]


def own(client, code):
    response = client.post(OWN, {**FLOOR, "code": code, "start": START},
                           content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()


@pytest.mark.django_db
def test_the_learners_next_step_walks_five_steps_in_the_sandbox(client):
    data = own(client, "import numpy as np\n\ndef next_step(f, J, H):\n"
                       "    return -np.linalg.solve(H, J) if f > 99 else -0.5 * J\n")
    assert data["ok"] and len(data["x"]) == 6
    _, builtin = path(client, "steepest")
    np.testing.assert_allclose(data["x"], builtin["x"][:6], atol=1e-12)
    np.testing.assert_allclose(data["y"], builtin["y"][:6], atol=1e-12)


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "words", "steps"), [
    ("def next_step(f, J, H):\n    return J[5]\n", "IndexError", 0),
    ("def next_step(f, J, H):\n    while True:\n        pass\n", "did not return", 0),
    ("def next_step(f, J, H):\n    return [1.0, 2.0, 3.0]\n", "shape (3,)", 0),
    ("def next_step(f, J, H):\n    return 'down'\n", "not numbers", 0),
    ("def next_step(f, J, H)\n    return -J\n", "could not be loaded", 0),
    ("n = [0]\ndef next_step(f, J, H):\n    return -0.1 * J / (f - f)\n", "not finite", 0),
])
def test_the_learners_mistakes_get_clear_messages(client, code, words, steps):
    data = own(client, code)
    assert not data["ok"] and words in data["message"]
    assert len(data["x"]) == steps + 1  # the path so far: just the start


@pytest.mark.django_db
def test_the_learners_code_cannot_read_the_server(client):
    data = own(client, "def next_step(f, J, H):\n    import nablalab\n    return -J\n")
    assert not data["ok"] and "ModuleNotFoundError" in data["message"]
