import numpy as np
import pytest

from nablalab.nn.activations import Activation
from nablalab.nn.autodiff_backprop import autodiff_backprop
from nablalab.nn.backprop import backprop
from nablalab.nn.heart import heart_data, heart_network
from nablalab.nn.network import Network
from nablalab.nn.playground import classifier_network, make_dataset
from nablalab.nn.training import sgd, steepest_descent
from tests.nn.reference import autograd_jacobians
from tests.nn.test_backprop import ARCHITECTURES


@pytest.mark.parametrize(("widths", "acts"), ARCHITECTURES)
def test_autodiff_matches_explicit_backprop_and_autograd(widths, acts):
    net = Network.random(widths, acts, seed=21, scale=1.0)
    rng = np.random.default_rng(4)
    x, y = rng.standard_normal((widths[0], 13)), rng.random((widths[-1], 13))
    via_tensor = autodiff_backprop(net, x, y)
    explicit = backprop(net, x, y)
    reference = autograd_jacobians(net, x, y)
    assert list(via_tensor) == list(explicit)
    for name in explicit:
        assert via_tensor[name].shape == explicit[name].shape
        np.testing.assert_allclose(via_tensor[name], explicit[name], rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(via_tensor[name], reference[name], rtol=1e-10, atol=1e-12)


def test_training_through_autodiff_follows_the_explicit_trajectory():
    x, y = heart_data(40)
    net = heart_network(seed=2)
    runs = [
        steepest_descent(net, x, y, iterations=60, aggression=5.0, seed=1, jacobians=jac)
        for jac in (backprop, autodiff_backprop)
    ]
    np.testing.assert_allclose(runs[0].costs, runs[1].costs, rtol=1e-10)
    np.testing.assert_allclose(runs[0].x, runs[1].x,
                               rtol=1e-10, atol=1e-12)
    assert runs[1].fun < runs[1].initial_cost


def test_sgd_through_autodiff_reduces_the_cost():
    x, y = make_dataset("circle", 80, seed=1)
    net = classifier_network((8, 8), "tanh", seed=0)
    result = sgd(net, x, y, iterations=300, learning_rate=0.5, batch_size=10, momentum=0.9,
                 seed=0, jacobians=autodiff_backprop)
    assert result.fun < 0.2 * result.initial_cost


def test_an_activation_the_engine_does_not_know_is_reported():
    softsign = Activation("softsign", lambda z: z / (1 + abs(z)), lambda z: 1 / (1 + abs(z)) ** 2)
    net = Network.random((1, 2), softsign, seed=0)
    with pytest.raises(ValueError, match="not softsign"):
        autodiff_backprop(net, np.zeros((1, 3)), np.zeros((2, 3)))
