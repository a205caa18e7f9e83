import numpy as np
import pytest

from nablalab.nn.backprop import backprop
from nablalab.nn.network import Network
from nablalab.nn.playground import make_dataset
from nablalab.nn.training import sgd, steepest_descent
from nablalab.numeric.result import Status


@pytest.fixture
def problem():
    x, y = make_dataset("gaussians", 60, seed=3)
    return Network.random((2, 5, 1), ["tanh", "logistic"], seed=1), x, y


def test_noiseless_steepest_descent_takes_the_plain_step(problem):
    net, x, y = problem
    result = steepest_descent(net, x, y, iterations=1, aggression=0.3, noise=0.0)
    jac = backprop(net, x, y)
    expected = {k: v - 0.3 * jac[k] for k, v in net.parameters().items()}
    np.testing.assert_allclose(
        result.x, net.with_parameters(expected).parameter_vector(), rtol=1e-15
    )
    assert result.nit == 1 and len(result.history) == 2


def test_noisy_step_scales_each_jacobian_by_one_plus_noise_times_randn(problem):
    net, x, y = problem
    result = steepest_descent(net, x, y, iterations=1, aggression=0.3, noise=0.5, seed=9)
    rng = np.random.default_rng(9)
    jac = backprop(net, x, y)
    for name, value in net.parameters().items():
        factor = 1 + 0.5 * rng.standard_normal()
        np.testing.assert_allclose(
            result.network.parameters()[name], value - 0.3 * jac[name] * factor, rtol=1e-14
        )


def test_history_records_the_whole_data_cost_every_iteration(problem):
    net, x, y = problem
    result = steepest_descent(net, x, y, iterations=25, aggression=1.0, seed=0)
    assert result.status is Status.MAX_ITERATIONS
    assert len(result.history) == 26 and result.nit == 25
    assert result.history[0]["fun"] == pytest.approx(net.cost(x, y), rel=1e-15)
    np.testing.assert_array_equal(result.costs, [h["fun"] for h in result.history])
    assert result.fun == result.network.cost(x, y) == result.costs[-1]
    np.testing.assert_array_equal(result.history[-1]["x"], result.x)
    np.testing.assert_array_equal(result.x, result.network.parameter_vector())
    np.testing.assert_array_equal(result.history[0]["x"], net.parameter_vector())


@pytest.mark.parametrize("momentum", [0.0, 0.9])
def test_sgd_and_momentum_reduce_the_cost(problem, momentum):
    net, x, y = problem
    result = sgd(net, x, y, iterations=300, learning_rate=0.2, batch_size=8,
                 momentum=momentum, seed=0)
    assert result.fun < 0.1 * result.initial_cost
    assert result.method == ("momentum" if momentum else "sgd")


def test_momentum_speeds_up_full_batch_descent(problem):
    net, x, y = problem
    plain = sgd(net, x, y, iterations=100, learning_rate=0.05)
    heavy = sgd(net, x, y, iterations=100, learning_rate=0.05, momentum=0.9)
    assert heavy.fun < 0.5 * plain.fun


def test_momentum_update_rule(problem):
    net, x, y = problem
    result = sgd(net, x, y, iterations=2, learning_rate=0.1, momentum=0.8)
    j0 = backprop(net, x, y)
    v = {k: -0.1 * j0[k] for k in j0}
    net1 = net.with_parameters({k: p + v[k] for k, p in net.parameters().items()})
    j1 = backprop(net1, x, y)
    v = {k: 0.8 * v[k] - 0.1 * j1[k] for k in v}
    net2 = net1.with_parameters({k: p + v[k] for k, p in net1.parameters().items()})
    np.testing.assert_allclose(result.x, net2.parameter_vector(), rtol=1e-13)
    for k in v:
        np.testing.assert_allclose(result.velocity[k], v[k], rtol=1e-13)


def test_passing_velocity_back_continues_the_run_exactly(problem):
    net, x, y = problem
    whole = sgd(net, x, y, iterations=20, learning_rate=0.1, momentum=0.9)
    first = sgd(net, x, y, iterations=12, learning_rate=0.1, momentum=0.9)
    rest = sgd(first.network, x, y, iterations=8, learning_rate=0.1, momentum=0.9,
               velocity=first.velocity)
    np.testing.assert_allclose(rest.x, whole.x,
                               rtol=1e-13)


def test_mini_batches_cover_every_sample_once_per_epoch(problem):
    net, x, y = problem
    seen = []

    def recording(network, xb, yb):
        seen.append(xb.copy())
        return backprop(network, xb, yb)

    sgd(net, x, y, iterations=6, learning_rate=0.1, batch_size=20, seed=0, jacobians=recording)
    for epoch in (seen[:3], seen[3:]):
        columns = np.hstack(epoch)
        assert columns.shape == x.shape
        assert sorted(map(tuple, columns.T)) == sorted(map(tuple, x.T))
    assert not np.array_equal(np.hstack(seen[:3]), np.hstack(seen[3:]))


@pytest.mark.parametrize("train", [
    lambda net, x, y, seed: steepest_descent(net, x, y, iterations=30, aggression=1.0, seed=seed),
    lambda net, x, y, seed: sgd(net, x, y, iterations=30, learning_rate=0.3, batch_size=7,
                                momentum=0.5, seed=seed),
])
def test_seeds_make_runs_reproducible(problem, train):
    net, x, y = problem
    a, b, c = (train(net, x, y, seed) for seed in (4, 4, 5))
    np.testing.assert_array_equal(a.costs, b.costs)
    np.testing.assert_array_equal(a.x, b.x)
    assert not np.array_equal(a.costs, c.costs)


def test_tol_stops_early_as_converged(problem):
    net, x, y = problem
    result = sgd(net, x, y, iterations=5000, learning_rate=0.5, momentum=0.9, tol=0.05)
    assert result.status is Status.CONVERGED and result.success
    assert result.fun <= 0.05 < result.costs[-2]
    assert result.nit < 5000


def test_a_huge_step_reports_divergence():
    net = Network.random((1, 3, 1), "linear", seed=0)
    x = np.linspace(-3, 3, 20).reshape(1, -1)
    with np.errstate(all="ignore"):
        result = sgd(net, x, 5 * x, iterations=500, learning_rate=50.0)
    assert result.status is Status.DIVERGED
    assert "lower the step size" in result.message


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"learning_rate": 0.0}, "learning_rate must be a positive"),
    ({"learning_rate": 0.1, "momentum": 1.0}, r"momentum must be in \[0, 1\)"),
    ({"learning_rate": 0.1, "batch_size": 61}, "between 1 and N = 60"),
    ({"learning_rate": 0.1, "iterations": 2.5}, "whole number"),
])
def test_bad_settings_are_explained(problem, kwargs, match):
    net, x, y = problem
    with pytest.raises(ValueError, match=match):
        sgd(net, x, y, **{"iterations": 3, **kwargs})
