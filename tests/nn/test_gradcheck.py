import numpy as np
import pytest

from nablalab.nn.backprop import backprop
from nablalab.nn.gradcheck import gradient_check, numerical_jacobians
from nablalab.nn.heart import heart_data, heart_network
from nablalab.nn.network import Network
from tests.nn.reference import autograd_jacobians


def _small_heart_problem():
    x, y = heart_data(12)
    return heart_network(seed=4), x, y


def test_numerical_jacobians_agree_with_autograd():
    net = Network.random((2, 3, 2), ["tanh", "logistic"], seed=1)
    x = np.random.default_rng(0).standard_normal((2, 5))
    y = np.random.default_rng(1).random((2, 5))
    numeric = numerical_jacobians(net, x, y)
    for name, value in autograd_jacobians(net, x, y).items():
        np.testing.assert_allclose(numeric[name], value, rtol=1e-7, atol=1e-10)


@pytest.mark.parametrize("acts", ["logistic", "tanh", "relu", "linear"])
def test_correct_backprop_passes(acts):
    net = Network.random((3, 4, 2), acts, seed=7, scale=1.0)
    rng = np.random.default_rng(2)
    check = gradient_check(net, rng.standard_normal((3, 9)), rng.random((2, 9)))
    assert check.passed and bool(check)
    assert set(check.errors) == {"W1", "b1", "W2", "b2"}
    assert max(check.errors.values()) < 1e-6
    assert check.message.startswith("Gradient check passed")


def test_missing_division_by_n_fails_with_the_ratio_named():
    net, x, y = _small_heart_problem()

    def forgot_over_n(network, x, y):
        jac = backprop(network, x, y)
        jac["W1"] = jac["W1"] * x.shape[1]
        return jac

    check = gradient_check(net, x, y, jacobians=forgot_over_n)
    assert not check.passed
    assert [n for n, e in check.errors.items() if e > check.tolerance] == ["W1"]
    assert check.errors["W1"] > 0.5
    assert "FAILED for J_W1" in check.message
    assert "ratio is 12" in check.message


def test_wrong_sigma_prime_fails():
    net, x, y = _small_heart_problem()
    sigma = net.activations[0]

    def sigma_instead_of_derivative(network, x, y):
        # A learner's slip: σ(z) where σ'(z) belongs in the output layer's link.
        *_, a2, z3, a3 = network.forward(x)
        jac = backprop(network, x, y)
        n = x.shape[1]
        jac["W3"] = (2 * (a3 - y) * sigma(z3)) @ a2.T / n
        return jac

    check = gradient_check(net, x, y, jacobians=sigma_instead_of_derivative)
    assert not check.passed
    assert check.errors["W3"] > 0.1
    assert all(check.errors[name] < 1e-6 for name in ("W1", "b1", "W2", "b2", "b3"))


def test_badly_shaped_or_missing_jacobians_get_a_clear_error():
    net, x, y = _small_heart_problem()
    with pytest.raises(ValueError, match=r"J_b2 has shape \(1, 7\) but b2 has shape \(7, 1\)"):
        gradient_check(net, x, y, jacobians=lambda n, a, t: {
            **backprop(n, a, t), "b2": backprop(n, a, t)["b2"].T})
    with pytest.raises(ValueError, match="leave out b1"):
        gradient_check(net, x, y, jacobians=lambda n, a, t: {
            k: v for k, v in backprop(n, a, t).items() if k != "b1"})
