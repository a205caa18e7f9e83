"""The "beyond the course" templates against independent references: SciPy optimisers and
quadrature, mpmath Taylor coefficients, autograd, Monte Carlo simulation and brute force.
The generic bank test (test_bank.py) already holds every template to its own answers; here
the answers themselves are checked by a route that shares no code with the template."""

from __future__ import annotations

import math

import autograd.numpy as anp
import mpmath
import numpy as np
import pytest
import sympy as sp
from autograd import grad as autograd_grad
from scipy.integrate import dblquad
from scipy.optimize import minimize, minimize_scalar

from nablalab.assess.questions import all_templates, get_template
from nablalab.mathinput import symbol
from nablalab.numeric import autodiff as ad
from nablalab.numeric import jacobian
from nablalab.numeric.autodiff import Tensor
from nablalab.taylor import remainder_bound, taylor_series
from nablalab.taylor.radius import radius_of_convergence
from nablalab.web.quizzes.catalogue import templates_for

x, y = symbol("x"), symbol("y")
SEEDS = range(12)


def _variants(slug: str):
    template = get_template(slug)
    return [template.generate(seed) for seed in SEEDS]


def _number(part) -> float:
    return float(sp.N(part.answer))


def test_every_beyond_quiz_has_at_least_five_templates():
    for quiz in ("beyond-taylor", "beyond-lagrange", "beyond-integration", "beyond-autodiff"):
        assert len(templates_for(quiz)) >= 5, quiz
    assert all(t.module == 0 for t in all_templates() if t.quizzes
               and all(q.startswith("beyond-") for q in t.quizzes))


def test_remainder_bound_covers_the_true_error_and_uses_the_true_maximum():
    for variant in _variants("remainder-bound"):
        f, n, h = (variant.parameters[k] for k in ("f", "n", "h"))
        bound = _number(variant.parts[0])
        grid = np.linspace(0, float(h), 401)
        exact = sp.lambdify(x, f, "numpy")(grid)
        polynomial = sp.lambdify(x, sp.series(f, x, 0, n + 1).removeO(), "numpy")(grid)
        assert np.max(np.abs(exact - polynomial)) <= bound * (1 + 1e-9)
        derivative = sp.lambdify(x, sp.diff(f, x, n + 1), "math")
        peak = minimize_scalar(lambda t, d=derivative: -abs(d(t)), bounds=(0, float(h)),
                               method="bounded")
        largest = max(-peak.fun, abs(derivative(0.0)), abs(derivative(float(h))))
        assert bound == pytest.approx(largest * float(h) ** (n + 1) / math.factorial(n + 1),
                                      rel=1e-6)
        engine = remainder_bound(taylor_series(f, 0, n, x, with_convergence=False), (0, h))
        assert bound == pytest.approx(engine.bound, rel=1e-6)


def test_radius_of_convergence_matches_the_root_test_on_mpmath_coefficients():
    for variant in _variants("radius-of-convergence"):
        f, a = variant.parameters["f"], variant.parameters["a"]
        numeric = sp.lambdify(x, f, "mpmath")
        coefficients = mpmath.taylor(numeric, a, 40)
        # limsup |c_n|^(1/n) = 1/R; a window of large n absorbs the oscillation of complex poles
        root = max(abs(c) ** (1 / n) for n, c in enumerate(coefficients) if n >= 30 and c)
        assert 1 / float(root) == pytest.approx(_number(variant.parts[0]), rel=0.1)
        assert radius_of_convergence(f, x, a).value == variant.parts[0].answer


def test_multivariate_coefficient_matches_a_sympy_series_in_a_scaling_variable():
    t = sp.Symbol("t")
    for variant in _variants("multivariate-taylor-coefficient"):
        f, i, j = (variant.parameters[k] for k in ("f", "i", "j"))
        scaled = sp.series(f.subs({x: t * x, y: t * y}), t, 0, i + j + 1).removeO()
        term = sp.expand(scaled.coeff(t, i + j))
        assert sp.Poly(term, x, y).coeff_monomial(x**i * y**j) == variant.parts[0].answer


def test_taylor_order_needed_is_the_first_order_whose_bound_is_small_enough():
    for variant in _variants("taylor-order-needed"):
        big_m, h, digits = (variant.parameters[k] for k in ("M", "h", "digits"))
        n = int(variant.parts[0].answer)
        bound = [big_m * float(h) ** (k + 1) / math.factorial(k + 1) for k in range(30)]
        assert bound[n] < 10.0**-digits <= bound[n - 1]


def test_two_constraint_minimum_matches_scipy_slsqp():
    for variant in _variants("lagrange-two-constraints"):
        s, d, normal = (variant.parameters[k] for k in ("s", "d", "normal"))
        result = minimize(lambda v: v @ v, np.zeros(3), method="SLSQP",
                          options={"ftol": 1e-14}, constraints=[
            {"type": "eq", "fun": lambda v, s=s: v.sum() - s},
            {"type": "eq", "fun": lambda v, n=normal, d=d: np.dot(n, v) - d}])
        point, value = variant.parts
        np.testing.assert_allclose(np.array(point.answer, dtype=float).ravel(), result.x,
                                   atol=1e-6)
        assert _number(value) == pytest.approx(result.fun, abs=1e-8)


def test_bordered_hessian_sign_matches_the_curvature_along_the_line():
    for variant in _variants("bordered-hessian"):
        a, e, b, p, q, k = variant.parameters["coefficients"]
        t = sp.Symbol("t")
        start = (sp.Rational(k, p), sp.Integer(0))  # a point of p x + q y = k
        along = (q, -p)  # the direction of the line
        on_line = (a * x**2 + e * x * y + b * y**2).subs(
            {x: start[0] + t * along[0], y: start[1] + t * along[1]})
        curvature = sp.diff(on_line, t, 2)
        hessian = np.array([[0, p, q], [p, 2 * a, e], [q, e, 2 * b]], dtype=float)
        det_part, kind_part = variant.parts
        assert _number(det_part) == pytest.approx(np.linalg.det(hessian))
        chosen = next(c.label for c in kind_part.choices if c.key == kind_part.answer)
        assert chosen == ("local maximum" if curvature < 0 else "local minimum")


def test_kkt_point_and_multiplier_match_scipy_and_the_sensitivity_of_the_minimum():
    def solve(p: int, q: int, c: float):
        return minimize(lambda v: (v[0] - p) ** 2 + (v[1] - q) ** 2, np.zeros(2),
                        method="SLSQP", options={"ftol": 1e-14},
                        constraints=[{"type": "ineq", "fun": lambda v: c - v[0] - v[1]}])
    for variant in _variants("kkt-conditions"):
        p, q, c = (variant.parameters[k] for k in ("p", "q", "c"))
        point, mu = variant.parts
        np.testing.assert_allclose(np.array(point.answer, dtype=float).ravel(),
                                   solve(p, q, c).x, atol=1e-6)
        step = 1e-5  # relaxing the fence (one-sided: it may just touch) lowers the minimum
        slope = (solve(p, q, c + step).fun - solve(p, q, c).fun) / step  # at rate mu
        assert -slope == pytest.approx(_number(mu), abs=1e-4)


def test_lagrange_multiplier_is_the_rate_of_change_of_the_maximum():
    def maximum(k: int, p: int, q: int, c: float) -> float:
        line = minimize_scalar(lambda s: -k * s * (c - p * s) / q, bounds=(0, c / p),
                               method="bounded", options={"xatol": 1e-12})
        return -line.fun
    for variant in _variants("lagrange-sensitivity"):
        k, p, q, c = (variant.parameters[key] for key in ("k", "p", "q", "c"))
        value, multiplier = variant.parts
        assert _number(value) == pytest.approx(maximum(k, p, q, c), rel=1e-8)
        step = 1e-3
        slope = (maximum(k, p, q, c + step) - maximum(k, p, q, c - step)) / (2 * step)
        assert _number(multiplier) == pytest.approx(slope, rel=1e-5)


def test_double_integral_matches_scipy_dblquad():
    for variant in _variants("double-integral"):
        f, width, height = (variant.parameters[k] for k in ("f", "width", "height"))
        integrand = sp.lambdify((y, x), f, "math")  # dblquad integrates func(y, x)
        top = (lambda s: s) if variant.parameters["region"] == "triangle" else height
        value, _error = dblquad(integrand, 0, width, 0, top)
        assert _number(variant.parts[0]) == pytest.approx(value, rel=1e-9)


def test_monte_carlo_variance_and_error_match_a_simulation():
    rng = np.random.default_rng(2024)
    for variant in _variants("monte-carlo-error"):
        k, samples, target = (variant.parameters[key] for key in ("k", "N", "target"))
        variance, error, needed = variant.parts
        draws = rng.uniform(size=200_000) ** k
        assert _number(variance) == pytest.approx(draws.var(), rel=0.02)
        estimates = (rng.uniform(size=(400, samples)) ** k).mean(axis=1)
        assert _number(error) == pytest.approx(estimates.std(), rel=0.15)
        assert int(needed.answer) == samples * target**2


def test_dual_number_tangent_is_the_sympy_derivative():
    for variant in _variants("dual-numbers"):
        c, k, a, outer = (variant.parameters[key] for key in ("c", "k", "a", "outer"))
        inner = x**k + c * x
        f = {"none": inner, "square": inner**2, "product": inner * (x + 1)}[outer]
        assert variant.parts[0].answer == sp.diff(f, x).subs(x, a)


def test_reverse_adjoints_match_sympy_partial_derivatives():
    u = sp.Symbol("u")
    for variant in _variants("reverse-adjoint"):
        b, p, q = (variant.parameters[key] for key in ("b", "x", "y"))
        in_u = u**2 + x * u  # f with u as its own node
        u_value = p + b * q
        u_bar, x_bar = variant.parts
        assert u_bar.answer == sp.diff(in_u, u).subs({u: u_value, x: p})
        total = in_u.subs(u, x + b * y)
        assert x_bar.answer == sp.diff(total, x).subs({x: p, y: q})


@pytest.mark.parametrize(("inputs", "outputs"), [(2, 5), (6, 3)])
def test_autodiff_pass_counts_match_the_engine(monkeypatch, inputs, outputs):
    """Forward mode evaluates f once per input; reverse mode runs one backward pass per
    output: counted on the engine itself, as the template's answers claim."""
    matrix = np.arange(1.0, inputs * outputs + 1).reshape(outputs, inputs)
    calls = {"f": 0, "backward": 0}
    original = Tensor.backward

    def counted_backward(self, *args, **kwargs):
        calls["backward"] += 1
        return original(self, *args, **kwargs)

    def f(v):
        calls["f"] += 1
        return matrix @ v

    monkeypatch.setattr(Tensor, "backward", counted_backward)
    np.testing.assert_allclose(jacobian(f, mode="forward")(np.ones(inputs)), matrix)
    assert calls == {"f": inputs, "backward": 0}
    calls.update(f=0)
    np.testing.assert_allclose(jacobian(f, mode="reverse")(np.ones(inputs)), matrix)
    assert calls["backward"] == outputs
    for variant in _variants("autodiff-cost"):
        forward, reverse, mode = variant.parts
        n, m = variant.parameters["n"], variant.parameters["m"]
        assert (forward.answer, reverse.answer) == (n, m)
        chosen = next(c.label for c in mode.choices if c.key == mode.answer)
        assert chosen == ("forward mode" if n < m else "reverse mode")


def test_layer_gradient_matches_autograd():
    for variant in _variants("layer-gradient"):
        weights, bias, a, target = (np.array(variant.parameters[k].tolist(), dtype=float)
                                    for k in ("W", "b", "a", "t"))

        def cost(w, b, weights_in=a, t=target):
            return 0.5 * anp.sum((anp.dot(w, weights_in) + b - t) ** 2)

        w_bar, b_bar = variant.parts
        np.testing.assert_allclose(np.array(w_bar.answer.tolist(), dtype=float),
                                   autograd_grad(cost, 0)(weights, bias))
        np.testing.assert_allclose(np.array(b_bar.answer.tolist(), dtype=float),
                                   autograd_grad(cost, 1)(weights, bias))


def test_the_engines_autodiff_agrees_with_the_lesson_code_examples():
    """Module 9 quotes these outputs; if the engine changed, the lesson would be wrong."""
    tx, ty = Tensor(2.0, requires_grad=True), Tensor(3.0, requires_grad=True)
    (tx * ty + ad.sin(tx)).backward()
    assert (float(tx.grad), float(ty.grad)) == pytest.approx((3 + math.cos(2), 2.0))
