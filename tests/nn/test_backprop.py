import numpy as np
import pytest
from autograd import jacobian
from hypothesis import given, settings
from hypothesis import strategies as st

from nablalab.nn.backprop import backprop, layer_jacobian
from nablalab.nn.heart import heart_data, heart_network
from nablalab.nn.network import Network
from tests.nn.reference import AUTOGRAD_SIGMA, autograd_jacobians

ARCHITECTURES = [
    ((1, 6, 7, 2), "logistic"),
    ((3, 5, 4, 2), "tanh"),
    ((4, 8, 3), "relu"),
    ((2, 3, 3), "linear"),
    ((3, 4, 5, 4, 1), ["tanh", "relu", "linear", "logistic"]),
    ((5, 1), "logistic"),
]


def _data(widths, seed=0, n=17):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((widths[0], n)), rng.random((widths[-1], n))


@pytest.mark.parametrize(("widths", "acts"), ARCHITECTURES)
def test_explicit_backprop_matches_autograd(widths, acts):
    net = Network.random(widths, acts, seed=11, scale=1.0)
    x, y = _data(widths)
    explicit = backprop(net, x, y)
    reference = autograd_jacobians(net, x, y)
    assert list(explicit) == list(net.parameters())
    for name, value in reference.items():
        assert explicit[name].shape == net.parameters()[name].shape
        np.testing.assert_allclose(explicit[name], value, rtol=1e-10, atol=1e-12, err_msg=name)


@settings(max_examples=30, deadline=None)
@given(
    widths=st.lists(st.integers(1, 5), min_size=2, max_size=5),
    names=st.lists(st.sampled_from(["logistic", "tanh", "relu", "linear"]), min_size=4,
                   max_size=4),
    n=st.integers(1, 6),
    seed=st.integers(0, 2**16),
)
def test_explicit_backprop_matches_autograd_on_any_architecture(widths, names, n, seed):
    net = Network.random(widths, names[: len(widths) - 1], seed=seed, scale=1.0)
    x, y = _data(widths, seed=seed, n=n)
    reference = autograd_jacobians(net, x, y)
    for name, value in backprop(net, x, y).items():
        np.testing.assert_allclose(value, reference[name], rtol=1e-10, atol=1e-12, err_msg=name)


def test_the_course_worked_jacobians_for_the_heart_network():
    # The assignment gives J_W3 = 2(a3 − y) σ'(z3) @ a2.T / N and J_W2 by one more link.
    net = heart_network(seed=3)
    x, y = heart_data()
    _, _, a1, z2, a2, z3, a3 = net.forward(x)
    d_sigma = net.activations[0].d_sigma
    n = x.size
    j = 2 * (a3 - y) * d_sigma(z3)
    j_w3 = j @ a2.T / n
    j_b3 = np.sum(j, axis=1, keepdims=True) / n
    j = (j.T @ net.weights[2]).T * d_sigma(z2)
    j_w2 = j @ a1.T / n
    explicit = backprop(net, x, y)
    np.testing.assert_allclose(explicit["W3"], j_w3, rtol=1e-13)
    np.testing.assert_allclose(explicit["b3"], j_b3, rtol=1e-13)
    np.testing.assert_allclose(explicit["W2"], j_w2, rtol=1e-13)


@pytest.mark.parametrize("layer", [1, 2, 3])
def test_layer_jacobian_is_sigma_prime_times_w_like_autograd(layer):
    net = Network.random((3, 4, 5, 2), ["tanh", "logistic", "relu"], seed=2)
    x, _ = _data(net.widths, n=6)
    stages = net.forward(x)
    a_prev = stages[2 * layer - 2]
    w, b = net.weights[layer - 1], net.biases[layer - 1]
    sigma = AUTOGRAD_SIGMA[net.activations[layer - 1].name]
    ours = layer_jacobian(net, x, layer)
    assert ours.shape == (6, w.shape[0], w.shape[1])
    for k in range(6):
        reference = jacobian(lambda a: sigma(w @ a + b[:, 0]))(a_prev[:, k])
        np.testing.assert_allclose(ours[k], reference, rtol=1e-12, atol=1e-15)


def test_layer_jacobian_rejects_a_layer_that_does_not_exist():
    with pytest.raises(ValueError, match="between 1 and 2"):
        layer_jacobian(Network.random((1, 2, 1)), np.zeros((1, 3)), 3)


def test_backprop_checks_the_target_shape():
    net = Network.random((1, 2, 2), seed=0)
    with pytest.raises(ValueError, match="output layer gives"):
        backprop(net, np.zeros((1, 4)), np.zeros((2, 3)))

