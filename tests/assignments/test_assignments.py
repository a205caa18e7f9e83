"""Every assignment: the reference scores 100 %, the starter 0 with "not written yet", and each
common wrong solution gets its own message. Wrong solutions are the reference with one edit."""

import numpy as np
import pytest

from nablalab.assignments import NAMES, catalog
from nablalab.grader.harness import grade
from nablalab.nn.backprop import backprop
from nablalab.nn.network import Network


@pytest.mark.parametrize("name", NAMES)
def test_reference_scores_full_marks(name):
    report = grade(catalog.load(name), catalog.folder(name) / "reference.py")
    assert report.points == report.max_points > 0, report.to_text()
    assert report.counts(public=True)[0] >= 1 and report.counts(public=False)[0] >= 2


@pytest.mark.parametrize("name", NAMES)
def test_starter_scores_zero_and_says_what_to_write(name):
    report = grade(catalog.load(name), catalog.folder(name) / "starter.py")
    assert report.points == 0
    assert all("not written yet" in o.message for o in report.outcomes), report.to_text()
    assert "all tests passed" not in report.summary()


MISTAKES = [
    (
        "backprop",
        "J = np.sum(J, axis=1, keepdims=True) / x.size\n    return J\n\n\ndef J_b2",
        "J = np.sum(J, axis=1, keepdims=True)\n    return J\n\n\ndef J_b2",
        "J_b3",
        "Divide by N",
    ),
    ("backprop", "J = J @ a0.T / x.size", "J = a0 @ J.T / x.size", "J_W1", "transposed"),
    (
        "backprop",
        "J = J * d_sigma(z1)\n    J = J @ a0.T",
        "J = J * sigma(z1)\n    J = J @ a0.T",
        "J_W1",
        "you used σ(z)",
    ),
    (
        "backprop",
        "J = np.sum(J, axis=1, keepdims=True) / x.size\n    return J\n\n\ndef J_b2",
        "J = J / x.size\n    return J\n\n\ndef J_b2",
        "J_b3",
        "sum over the samples",
    ),
    (
        "heights",
        "return f(x, mu, sig) * ((x - mu) ** 2 / sig**3 - 1 / sig)",
        "return f(x, mu, sig) * (x - mu) ** 2 / sig**3",
        "dfdsig",
        "two terms",
    ),
    (
        "heights",
        "return f(x, mu, sig) * (x - mu) / sig**2",
        "return f(x, mu, sig) * (mu - x) / sig**2",
        "dfdmu",
        "Sign",
    ),
    ("heights", "return -aggression * J", "return aggression * J", "steepest_step", "downhill"),
    ("newton", "return x - f(x) / df(x)", "return x + f(x) / df(x)", "newton_step", "subtracts"),
    (
        "newton",
        "return x**5 - 12 * x**3 - 2 * x**2 + 27 * x + 18",
        "return (f(x + 1e-6) - f(x)) / 1e-6",
        "d_f",
        "numerical approximation",
    ),
    (
        "lagrange",
        "f * (y - 4 * x) / 2 - lam * 2 * x,\n        f * (x - 2 * y) / 2 - lam * 6 * (y + 1)",
        "f * (y - 4 * x) / 2 + lam * 2 * x,\n        f * (x - 2 * y) / 2 + lam * 6 * (y + 1)",
        "DL1",
        "Sign of λ",
    ),
    ("lagrange", "-g2(x, y),", "g2(x, y),", "DL2", "−g(x, y), not +g"),
    ("sandpit", "return -GAMMA * J", "return GAMMA * J", "steepest_step", "against the gradient"),
    ("sandpit", "if J @ step > 0 or np.linalg.norm", "if np.linalg.norm", "next_step", "uphill"),
    ("sandpit", "return -np.linalg.solve(H, J)", "return -H @ J", "newton_step", "INVERSE"),
    ("linfit", "c = y_bar - m * x_bar", "c = y_bar + m * x_bar", "linfit", "minus, not plus"),
    ("linfit", "return m, c", "return c, m", "linfit", "in that order"),
    (
        "finite_differences",
        "(np.asarray(f(x + e)) - np.asarray(f(x - e))) / (2 * h)",
        "(np.asarray(f(x + e)) - np.asarray(f(x))) / h",
        "jacobian_fd",
        "central differences",
    ),
    (
        "finite_differences",
        "return np.array(columns).T",
        "return np.array(columns)",
        "jacobian_fd",
        "transposed",
    ),
]


@pytest.mark.parametrize(
    ("name", "old", "new", "function", "message"),
    MISTAKES,
    ids=[f"{m[0]}-{m[4]}" for m in MISTAKES],
)
def test_common_wrong_solution_gets_its_message(tmp_path, name, old, new, function, message):
    reference = (catalog.folder(name) / "reference.py").read_text()
    assert old in reference
    wrong = tmp_path / "wrong.py"
    wrong.write_text(reference.replace(old, new, 1))
    report = grade(catalog.load(name), wrong)
    failed = [o for o in report.outcomes if not o.passed]
    assert failed and report.points < report.max_points
    assert any(function in o.name and message in o.message for o in failed), report.to_text()
    assert "all tests passed" not in report.summary()


def test_backprop_reference_matches_the_nn_engine():
    from nablalab.assignments.backprop.grading import parameters
    from nablalab.nn.heart import heart_data

    x, y = heart_data(100)
    p = parameters(5)
    engine = backprop(Network.random((1, 6, 7, 2), "logistic").with_parameters(p), x, y)
    module = catalog.load_reference("backprop")
    for key, value in p.items():
        setattr(module, key, value)
    for name in ("b3", "b2", "W1", "b1"):
        np.testing.assert_allclose(getattr(module, f"J_{name}")(x, y), engine[name], rtol=1e-10)


def test_reference_roots_agree_with_scipy():
    from scipy import optimize

    module = catalog.load_reference("newton")
    root = module.newton_raphson(module.f, module.d_f, 1.0)
    assert abs(module.f(root)) < 1e-9
    assert root == pytest.approx(optimize.newton(module.f, 1.0, fprime=module.d_f), abs=1e-9)


def test_finite_difference_functions_match_their_symbolic_twins():
    import sympy as sp

    from nablalab.assignments.finite_differences.grading import SYMBOLIC
    from nablalab.grader.runner import NAMED_FUNCTIONS

    rng = np.random.default_rng(0)
    for name, (symbols, expr) in SYMBOLIC.items():
        point = rng.uniform(-1, 1, len(symbols))
        exact = np.asarray(sp.lambdify(symbols, expr, "numpy")(*point), dtype=float).ravel()
        np.testing.assert_allclose(np.ravel(NAMED_FUNCTIONS[name](point)), exact, rtol=1e-12)


def test_heights_histogram_is_the_course_shape():
    from nablalab.assignments.heights.grading import heights_histogram

    x, y = heights_histogram()
    assert len(x) == 100 and x[0] == 51.25 and x[-1] == 298.75
    assert np.sum(y) * 2.5 == pytest.approx(1.0)
    occupied = x[y > 0]
    assert 12 <= occupied.size <= 20 and occupied.min() >= 150 and occupied.max() <= 205
