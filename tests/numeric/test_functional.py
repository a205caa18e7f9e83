"""grad, jacobian, hessian and hvp of whole functions, against SymPy and autograd."""

from __future__ import annotations

import autograd
import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp

from nablalab.numeric import autodiff as ad
from nablalab.numeric.autodiff import Tensor
from nablalab.numeric.forward import Dual
from nablalab.numeric.functional import grad, hessian, hvp, jacobian
from tests.numeric.programs import assert_close


def rosenbrock(lib_sum, x):
    return lib_sum(100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1.0 - x[:-1]) ** 2)


def test_gradient_and_hessian_of_extended_rosenbrock_match_autograd():
    x = np.random.default_rng(3).uniform(-1.0, 2.0, 30)
    ours_f = lambda v: rosenbrock(lambda t: t.sum(), v)  # noqa: E731
    reference_f = lambda v: rosenbrock(anp.sum, v)  # noqa: E731
    assert_close(grad(ours_f)(x), autograd.grad(reference_f)(x))
    assert_close(hessian(ours_f)(x), autograd.hessian(reference_f)(x))
    v = np.linspace(-1.0, 1.0, 30)
    assert_close(hvp(ours_f)(x, v), autograd.hessian(reference_f)(x) @ v)


@pytest.mark.parametrize("mode", ["auto", "forward", "reverse"])
def test_spherical_to_cartesian_jacobian_matches_sympy(mode):
    r, theta, phi = sp.symbols("r theta phi")
    cartesian = sp.Matrix([r * sp.sin(theta) * sp.cos(phi), r * sp.sin(theta) * sp.sin(phi),
                           r * sp.cos(theta)])
    exact = sp.lambdify((r, theta, phi), cartesian.jacobian([r, theta, phi]))
    point = (2.0, 0.7, -1.1)

    def f(p):
        return ad.stack([p[0] * ad.sin(p[1]) * ad.cos(p[2]), p[0] * ad.sin(p[1]) * ad.sin(p[2]),
                         p[0] * ad.cos(p[1])])

    assert_close(jacobian(f, mode=mode)(point), np.array(exact(*point), dtype=float))


@pytest.mark.parametrize(
    ("build", "point"),
    [
        (lambda x, y, z, lib: x**3 * y + x + 2 * y, (1.5, -2.0, 0.0)),
        (lambda x, y, z, lib: x * lib.exp(y) + y**2 * lib.cos(z), (0.3, 1.1, 2.0)),
    ],
)
def test_course_hessians_match_sympy(build, point):
    symbols = sp.symbols("x y z")
    expr = build(*symbols, sp)
    exact = np.array(sp.hessian(expr, symbols).subs(dict(zip(symbols, point, strict=True))),
                     dtype=float)
    ours = hessian(lambda p: build(p[0], p[1], p[2], ad))(point)
    assert_close(ours, exact)


@pytest.mark.parametrize("mode", ["auto", "forward", "reverse"])
def test_regression_model_built_by_indexing_parameters(mode):
    # y = a e^(−b t) + c over 50 data points: a tall 50×3 Jacobian.
    t = np.linspace(0.0, 3.0, 50)
    a, b, c = 2.0, 0.8, -0.3

    def model(p):
        return p[0] * np.exp(-p[1] * t) + p[2]

    expected = np.stack([np.exp(-b * t), -a * t * np.exp(-b * t), np.ones_like(t)], axis=1)
    assert_close(jacobian(model, mode=mode)([a, b, c]), expected)


def test_sympy_lambdify_model_through_jacobian():
    a, b, s = sp.symbols("a b s")
    expr = a * sp.sqrt(1 + b * s**2) + sp.atan(b * s)
    model = sp.lambdify((a, b, s), expr, "numpy")
    data = np.linspace(-1.0, 1.0, 7)
    exact = sp.lambdify((a, b, s), [sp.diff(expr, a), sp.diff(expr, b)], "numpy")
    expected = np.stack([np.broadcast_to(col, data.shape) for col in exact(1.3, 0.6, data)],
                        axis=1)
    for mode in ("forward", "reverse"):
        assert_close(jacobian(lambda p: model(p[0], p[1], data), mode=mode)([1.3, 0.6]),
                     expected)


def test_auto_mode_picks_the_cheaper_direction():
    calls = {"Dual": 0, "Tensor": 0}

    def counting(f):
        def wrapped(x):
            calls[type(x).__name__] += 1
            return f(x)
        return wrapped

    wide = counting(lambda x: (x * x).sum(axis=0, keepdims=True))  # 1 output, 6 inputs
    jacobian(wide)(np.arange(6.0))
    assert calls == {"Dual": 1, "Tensor": 1}
    calls.update(Dual=0, Tensor=0)
    tall = counting(lambda x: ad.stack([x[0] * x[1], x[0], x[1], x[0] ** 2]))
    jacobian(tall)([1.0, 2.0])
    assert calls == {"Dual": 2, "Tensor": 0}


def test_outputs_that_ignore_the_input_give_zeros():
    x = np.array([1.0, 2.0])
    np.testing.assert_array_equal(grad(lambda p: 3.0)(x), [0.0, 0.0])
    for mode in ("forward", "reverse"):
        np.testing.assert_array_equal(jacobian(lambda p: np.ones(3), mode=mode)(x),
                                      np.zeros((3, 2)))
    np.testing.assert_array_equal(hessian(lambda p: p[0] + 2 * p[1])(x), np.zeros((2, 2)))


def test_grad_keeps_the_shape_of_x():
    x = np.arange(6.0).reshape(2, 3)
    np.testing.assert_allclose(grad(lambda m: (m**2).sum())(x), 2 * x)


def test_helpful_errors():
    with pytest.raises(ValueError, match="jacobian"):
        grad(lambda x: x * 2)(np.ones(3))
    with pytest.raises(ValueError, match="1-D"):
        jacobian(lambda x: x)(np.ones((2, 2)))
    with pytest.raises(ValueError, match="mode"):
        jacobian(lambda x: x, mode="sideways")
    with pytest.raises(ValueError, match="single number"):
        hvp(lambda x: x * x)(np.ones(2), np.ones(2))
    with pytest.raises(TypeError, match="argument"):
        captured = Tensor([1.0, 2.0])
        jacobian(lambda x: captured, mode="forward")(np.ones(2))


def test_hessian_of_a_vector_function_stacks_one_hessian_per_output():
    def f(lib, p):
        return lib.stack([p[0] ** 2 * p[1], lib.sin(p[0] * p[1]), p[1] ** 3])

    x = np.array([0.7, -1.3])
    ours = hessian(lambda p: f(ad, p))(x)
    reference = autograd.hessian(lambda p: f(anp, p))(x)
    assert ours.shape == (3, 2, 2)
    assert_close(ours, reference)


def test_hessian_runs_on_duals_of_tensors():
    seen = []
    hessian(lambda x: seen.append(x) or (x**3).sum())(np.array([1.0, 2.0]))
    assert all(isinstance(x, Dual) and isinstance(x.value, Tensor) for x in seen)
