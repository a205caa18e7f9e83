import numpy as np
import pytest

from nablalab.nn.network import Network


def test_random_draws_randn_times_scale_in_layer_order():
    net = Network.random((1, 6, 7, 2), seed=5, scale=0.5)
    rng = np.random.default_rng(5)
    for w, b in zip(net.weights, net.biases, strict=True):
        np.testing.assert_array_equal(w, rng.standard_normal(w.shape) / 2)
        np.testing.assert_array_equal(b, rng.standard_normal(b.shape) / 2)
    assert net.widths == (1, 6, 7, 2)
    assert net.depth == 3
    assert net.size == 6 + 6 + 42 + 7 + 14 + 2
    assert [a.name for a in net.activations] == ["logistic"] * 3


def test_same_seed_same_network_other_seed_other_network():
    a, b, c = (Network.random((3, 4, 2), "tanh", seed=s) for s in (1, 1, 2))
    np.testing.assert_array_equal(a.parameter_vector(), b.parameter_vector())
    assert not np.allclose(a.parameter_vector(), c.parameter_vector())


def test_forward_returns_every_stage_by_the_course_formulas():
    net = Network.random((2, 3, 1), ["relu", "tanh"], seed=0)
    x = np.array([[0.5, -1.0, 2.0, 0.0], [1.5, 0.3, -0.7, 0.1]])
    a0, z1, a1, z2, a2 = net.forward(x)
    w1, w2 = net.weights
    b1, b2 = net.biases
    np.testing.assert_array_equal(a0, x)
    np.testing.assert_allclose(z1, w1 @ x + b1, rtol=1e-15)
    np.testing.assert_allclose(a1, np.maximum(z1, 0), rtol=1e-15)
    np.testing.assert_allclose(z2, w2 @ a1 + b2, rtol=1e-15)
    np.testing.assert_allclose(a2, np.tanh(z2), rtol=1e-15)
    np.testing.assert_array_equal(net.predict(x), a2)


def test_cost_is_sum_of_squares_over_outputs_and_samples_divided_by_n():
    net = Network.random((1, 2), "linear", seed=0)
    x = np.array([[0.0, 1.0, 2.0]])
    out = net.predict(x)
    y = out + np.array([[1.0, 0.0, 2.0], [0.0, 3.0, 0.0]])
    assert net.cost(x, y) == pytest.approx((1 + 4 + 9) / 3, rel=1e-14)


def test_parameters_are_named_as_in_the_course_and_round_trip():
    net = Network.random((2, 3, 1), seed=0)
    params = net.parameters()
    assert list(params) == ["W1", "b1", "W2", "b2"]
    assert params["W1"].shape == (3, 2) and params["b2"].shape == (1, 1)
    doubled = net.with_parameters({k: 2 * v for k, v in params.items()})
    np.testing.assert_array_equal(doubled.parameter_vector(), 2 * net.parameter_vector())
    assert doubled.activations == net.activations


def test_with_parameters_rejects_wrong_names_and_shapes():
    net = Network.random((2, 3, 1), seed=0)
    params = net.parameters()
    with pytest.raises(ValueError, match="Expected parameters"):
        net.with_parameters({k: v for k, v in params.items() if k != "b2"})
    with pytest.raises(ValueError, match=r"W1 must have shape \(3, 2\)"):
        net.with_parameters({**params, "W1": np.zeros((2, 3))})


def test_input_with_samples_as_rows_gets_an_actionable_error():
    net = Network.random((1, 3, 2), seed=0)
    with pytest.raises(ValueError, match=r"samples are columns.*reshape\(1, -1\)"):
        net.forward(np.linspace(0, 1, 5))
    with pytest.raises(ValueError, match="one column per sample"):
        net.cost(np.zeros((1, 5)), np.zeros((5, 2)))


def test_inconsistent_layers_are_rejected():
    with pytest.raises(ValueError, match="W2 has 4 columns but layer 1 has 3 neurons"):
        Network(
            (np.zeros((3, 2)), np.zeros((1, 4))),
            (np.zeros((3, 1)), np.zeros((1, 1))),
            Network.random((2, 3, 1)).activations,
        )
    with pytest.raises(ValueError, match="give one per layer"):
        Network.random((2, 3, 1), ["tanh"])
    with pytest.raises(ValueError, match="at least an input and an output"):
        Network.random((2,))
