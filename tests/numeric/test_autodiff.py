"""The reverse-mode Tensor: each operation's gradient, broadcasting, graph bookkeeping."""

from __future__ import annotations

import threading
import warnings

import autograd
import autograd.numpy as anp
import numpy as np
import pytest

from nablalab.numeric import autodiff as ad
from nablalab.numeric.autodiff import Tensor, no_grad
from nablalab.numeric.forward import Dual
from tests.numeric.programs import assert_close

rng = np.random.default_rng(7)


def leaf(*shape: int) -> Tensor:
    return Tensor(rng.uniform(0.5, 1.5, shape), requires_grad=True)


def test_data_is_float64_array_and_shares_memory():
    source = np.array([1.0, 2.0])
    t = Tensor(source)
    assert t.data is source
    assert Tensor([1, 2]).data.dtype == np.float64
    total = Tensor([1.0, 2.0], requires_grad=True).sum()
    assert isinstance(total.data, np.ndarray) and total.shape == ()


def test_product_rule_and_quotient_rule():
    x, y = Tensor(3.0, requires_grad=True), Tensor(2.0, requires_grad=True)
    (x * y / (x + y)).backward()
    assert x.grad == pytest.approx(y.item() ** 2 / 25)
    assert y.grad == pytest.approx(x.item() ** 2 / 25)
    assert isinstance(x.grad, np.ndarray)


@pytest.mark.parametrize(
    ("shape_a", "shape_b"),
    [((3, 1), (4,)), ((2, 3, 4), (4,)), ((2, 3, 4), (3, 1)), ((1, 4), (3, 1)), ((), (3, 2))],
)
@pytest.mark.parametrize("op", ["add", "sub", "mul", "div", "pow"])
def test_broadcasting_sums_gradients_back_to_each_shape(shape_a, shape_b, op):
    a, b = leaf(*shape_a), leaf(*shape_b)
    apply = {
        "add": lambda p, q: p + q, "sub": lambda p, q: p - q, "mul": lambda p, q: p * q,
        "div": lambda p, q: p / q, "pow": lambda p, q: p**q,
    }[op]
    weights = rng.standard_normal(np.broadcast_shapes(shape_a, shape_b))
    (apply(a, b) * weights).sum().backward()
    reference = autograd.grad(lambda p, q: anp.sum(apply(p, q) * weights), argnum=(0, 1))
    grad_a, grad_b = reference(a.data, b.data)
    assert a.grad.shape == shape_a and b.grad.shape == shape_b
    assert_close(a.grad, grad_a)
    assert_close(b.grad, grad_b)


@pytest.mark.parametrize(
    ("shape_a", "shape_b"),
    [((3, 4), (4, 2)), ((4,), (4, 2)), ((3, 4), (4,)), ((4,), (4,)), ((5, 3, 4), (4, 2)),
     ((4,), (5, 4, 2)), ((5, 3, 4), (4,)), ((2, 1, 3, 4), (5, 4, 2))],
)
def test_matmul_gradients_including_vectors_and_batches(shape_a, shape_b):
    a, b = leaf(*shape_a), leaf(*shape_b)
    weights = rng.standard_normal(np.shape(a.data @ b.data))
    ((a @ b) * weights).sum().backward()
    reference = autograd.grad(lambda p, q: anp.sum((p @ q) * weights), argnum=(0, 1))
    grad_a, grad_b = reference(a.data, b.data)
    assert_close(a.grad, grad_a)
    assert_close(b.grad, grad_b)


def test_matmul_with_constant_matrix_on_either_side():
    x = leaf(3)
    m = rng.standard_normal((3, 3))
    y = m @ x
    (y @ (m @ x)).backward()
    assert_close(x.grad, 2 * m.T @ (m @ x.data))


@pytest.mark.parametrize(
    "name",
    ["exp", "log", "sqrt", "abs", "sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh",
     "cosh", "tanh", "sigmoid", "relu"],
)
def test_elementwise_method_and_module_function_derivatives(name):
    x_values = np.array([-0.7, -0.2, 0.3, 0.9])
    positive = name in ("log", "sqrt")
    x_values = np.abs(x_values) if positive else x_values
    references = {
        "sigmoid": lambda v: 1 / (1 + anp.exp(-v)), "relu": lambda v: v * (v > 0),
    }
    reference = references[name] if name in references else getattr(anp, name)
    for build in (lambda t: getattr(t, name)(), lambda t: getattr(ad, name)(t)):
        x = Tensor(x_values, requires_grad=True)
        out = build(x)
        assert_close(out.data, reference(x_values))
        (out * np.arange(1.0, 5.0)).sum().backward()
        expected = autograd.grad(lambda v: anp.sum(reference(v) * np.arange(1.0, 5.0)))(x_values)
        assert_close(x.grad, expected)


def test_module_functions_accept_plain_numbers():
    assert ad.exp(0.0) == 1.0
    assert ad.sigmoid(0.0) == 0.5
    assert ad.relu(-2.0) == 0.0
    np.testing.assert_allclose(ad.softmax([0.0, np.log(3.0)]), [0.25, 0.75])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert ad.sigmoid(-1000.0) == pytest.approx(0.0, abs=1e-300)
        assert ad.sigmoid(1000.0) == 1.0


@pytest.mark.parametrize("axis", [0, 1, -1])
def test_softmax_and_log_softmax(axis):
    x_values = rng.standard_normal((3, 4)) * 3
    weights = rng.standard_normal((3, 4))
    for name, reference in (
        ("softmax", lambda v: anp.exp(v) / anp.sum(anp.exp(v), axis=axis, keepdims=True)),
        ("log_softmax", lambda v: v - anp.log(anp.sum(anp.exp(v), axis=axis, keepdims=True))),
    ):
        x = Tensor(x_values, requires_grad=True)
        out = getattr(x, name)(axis=axis)
        assert_close(out.data, reference(x_values))
        (out * weights).sum().backward()
        expected = autograd.grad(lambda v, r=reference: anp.sum(r(v) * weights))(x_values)
        assert_close(x.grad, expected)
    big = Tensor([1000.0, 0.0])
    np.testing.assert_allclose(big.softmax().data, [1.0, 0.0])
    np.testing.assert_allclose(big.log_softmax().data, [0.0, -1000.0])


def test_powers_with_scalar_and_tensor_exponents():
    x = Tensor(2.0, requires_grad=True)
    y = Tensor(3.0, requires_grad=True)
    (x**2 + x**0.5 + x**y + 3.0**y).backward()
    assert x.grad == pytest.approx(4 + 0.5 / np.sqrt(2) + 3 * 4)
    assert y.grad == pytest.approx(8 * np.log(2) + 27 * np.log(3))


def test_sum_mean_reshape_transpose():
    x_values = rng.standard_normal((2, 3, 4))
    weights = rng.standard_normal((4, 3))

    def program(v):
        return (v.mean(axis=(0, 2), keepdims=True) * v).sum(axis=0).reshape(4, 3) * weights

    x = Tensor(x_values, requires_grad=True)
    program(x).T.sum().backward()
    expected = autograd.grad(lambda v: anp.sum(program(v).T))(x_values)
    assert_close(x.grad, expected)
    mean = Tensor(x_values, requires_grad=True)
    mean.mean().backward()
    np.testing.assert_allclose(mean.grad, np.full((2, 3, 4), 1 / 24))


def test_indexing_basic_fancy_repeated_and_boolean():
    x_values = rng.standard_normal((4, 5))
    indices = [
        (1, 2), (slice(None, None, -2), 3), (Ellipsis, None, 1), ([0, 0, 3, 0], [1, 1, 2, 4]),
        np.array([2, 2, 2]), x_values > 0, (slice(1, 3), [4, 0, 4]),
    ]
    for index in indices:
        x = Tensor(x_values, requires_grad=True)
        out = x[index]
        weights = np.arange(1.0, out.data.size + 1).reshape(out.shape)
        (out * weights).sum().backward()
        expected = autograd.grad(lambda v, i=index, w=weights: anp.sum(v[i] * w))(x_values)
        assert_close(x.grad, expected)


def test_reused_node_gets_every_contribution():
    x = Tensor(1.5, requires_grad=True)
    y = x * x
    z = y + y * y + ad.sin(y)
    z.backward()
    expected = 2 * 1.5 + 4 * 1.5**3 + np.cos(1.5**2) * 2 * 1.5
    assert x.grad == pytest.approx(expected, rel=1e-14)
    diamond = Tensor(np.array([0.3, 0.6]), requires_grad=True)
    a = diamond.exp()
    b = a * diamond
    c = a + b
    (c * b).sum().backward()
    d = diamond.data
    e = np.exp(d)
    expected = e * (2 + d) * (e * d) + (e + e * d) * e * (1 + d)
    assert_close(diamond.grad, expected)


def test_repeated_backward_accumulates_until_zero_grad():
    x = Tensor([1.0, 2.0], requires_grad=True)
    y = (x * x).sum()
    y.backward()
    y.backward()
    np.testing.assert_allclose(x.grad, 2 * 2 * x.data)
    x.zero_grad()
    assert x.grad is None
    y.backward()
    np.testing.assert_allclose(x.grad, 2 * x.data)


def test_backward_with_explicit_vector_is_vector_jacobian_product():
    x = Tensor([1.0, 2.0, 3.0], requires_grad=True)
    y = x * x
    y.backward(np.array([1.0, 0.0, 2.0]))
    np.testing.assert_allclose(x.grad, [2.0, 0.0, 12.0])


def test_graph_of_a_hundred_thousand_nodes():
    x = Tensor(0.5, requires_grad=True)
    y = x
    for _ in range(50_000):
        y = y * 1.00001 + 0.001
    y.backward()
    assert x.grad == pytest.approx(1.00001**50_000, rel=1e-10)
    z = Tensor(np.ones(3), requires_grad=True)
    total = z
    for _ in range(100_000):
        total = total + z
    total.sum().backward()
    np.testing.assert_allclose(z.grad, np.full(3, 100_001.0))


def test_no_grad_records_nothing_and_is_per_thread():
    x = Tensor(2.0, requires_grad=True)
    recorded_elsewhere = []
    with no_grad():
        y = x * 3 + 1
        worker = threading.Thread(target=lambda: recorded_elsewhere.append((x * 2).requires_grad))
        worker.start()
        worker.join()
    assert not y.requires_grad
    assert recorded_elsewhere == [True]
    assert (x * 2).requires_grad
    with pytest.raises(RuntimeError), no_grad():
        raise RuntimeError("leaving the block by an error still restores recording")
    assert (x * 2).requires_grad


def test_numpy_ufuncs_and_arrays_on_the_left_keep_the_graph():
    x = Tensor([0.5, 1.0], requires_grad=True)
    y = np.exp(x) + np.array([2.0, 3.0]) * x + np.float64(2.0) * np.sin(x) - np.array(1.0) / x
    assert isinstance(y, Tensor)
    y.sum().backward()
    d = x.data
    np.testing.assert_allclose(x.grad, np.exp(d) + [2.0, 3.0] + 2 * np.cos(d) + 1 / d**2)


def test_stack_builds_an_array_from_entries():
    p = Tensor([2.0, 3.0], requires_grad=True)
    out = ad.stack([p[0] * p[1], ad.sin(p[0]), 4.0])
    assert out.shape == (3,)
    out.backward(np.array([1.0, 1.0, 1.0]))
    np.testing.assert_allclose(p.grad, [3.0 + np.cos(2.0), 2.0])
    np.testing.assert_allclose(ad.stack([1.0, 2.0]), [1.0, 2.0])


def test_tensor_and_dual_combine_as_a_dual():
    out = Tensor(2.0) * Dual(3.0, 1.0)
    assert isinstance(out, Dual) and out.tangent.item() == 2.0


def test_errors_say_what_to_do():
    with pytest.raises(ValueError, match="single number"):
        Tensor([1.0, 2.0], requires_grad=True).exp().backward()
    with pytest.raises(ValueError, match="requires_grad=True"):
        Tensor(1.0).exp().backward()
    with pytest.raises(ValueError, match="shape"):
        (Tensor([1.0, 2.0], requires_grad=True) * 2).backward(np.ones(3))
    with pytest.raises(TypeError, match="mix"):
        ad.stack([Tensor(1.0), Dual(1.0)])
    with pytest.raises(TypeError, match="maximum cannot be differentiated"):
        np.maximum(Tensor([1.0]), 0.0)


def test_repr_and_sizes():
    t = Tensor([[1.0, 2.0]], requires_grad=True)
    assert "requires_grad=True" in repr(t)
    assert (t.shape, t.ndim, t.size, len(t)) == ((1, 2), 2, 2, 1)
    assert float(t.sum()) == 3.0 and t.sum().item() == 3.0
