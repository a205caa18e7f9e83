import numpy as np
import pytest

from nablalab.nn.heart import HEART_WIDTHS, heart_curve, heart_data, heart_network, train_heart
from nablalab.nn.network import Network


def test_heart_data_shapes_and_the_course_rescaling():
    x, y = heart_data()
    assert x.shape == (1, 100) and y.shape == (2, 100)
    np.testing.assert_allclose(x[0], np.arange(0, 1, 1 / 100), rtol=0, atol=1e-15)
    t = x[0]
    raw = np.array([
        16 * np.sin(2 * np.pi * t) ** 3,
        13 * np.cos(2 * np.pi * t) - 5 * np.cos(4 * np.pi * t)
        - 2 * np.cos(6 * np.pi * t) - np.cos(8 * np.pi * t),
    ]) / 20
    np.testing.assert_allclose(y, 0.5 + raw / 2, rtol=1e-14)


def test_known_points_of_the_heart():
    _, y = heart_data(100)
    np.testing.assert_allclose(y[:, 0], [0.5, 0.625], atol=1e-15)  # t = 0: (0, 5/20)
    np.testing.assert_allclose(y[:, 25], [0.9, 0.6], atol=1e-14)  # t = 1/4: (16, 4)/20
    np.testing.assert_allclose(y[:, 50], [0.5, 0.075], atol=1e-14)  # t = 1/2: (0, −17)/20


def test_rescaled_curve_lies_inside_the_logistic_range():
    t = np.linspace(0, 1, 20001)
    rescaled = (heart_curve(t) + 1) / 2
    assert rescaled.min() == pytest.approx(0.075, abs=1e-9)
    assert rescaled.max() == pytest.approx(0.9, abs=1e-9)


def test_heart_data_rejects_an_empty_set():
    with pytest.raises(ValueError, match="at least 1"):
        heart_data(0)


def test_heart_network_is_the_course_architecture_drawn_as_randn_over_two():
    net = heart_network(seed=8)
    assert net.widths == HEART_WIDTHS == (1, 6, 7, 2)
    assert {a.name for a in net.activations} == {"logistic"}
    np.testing.assert_array_equal(
        net.parameter_vector(),
        Network.random((1, 6, 7, 2), "logistic", seed=8, scale=0.5).parameter_vector(),
    )


def test_training_draws_the_heart():
    # Measured: seeds 0–7 all end between 0.0019 and 0.0024 after 6,000 iterations,
    # from initial costs 0.13–0.25; the threshold leaves room for platform round-off.
    result = train_heart(iterations=6000, seed=0)
    x, y = heart_data()
    assert result.initial_cost > 0.1
    assert result.fun < 0.004
    assert result.fun < result.initial_cost / 25
    distance = np.linalg.norm(result.network.predict(x) - y, axis=0)
    assert distance.max() < 0.15  # every point near its place on the curve (span ≈ 0.8)


def test_training_is_reproducible_from_its_seed():
    a, b = (train_heart(iterations=200, seed=3) for _ in range(2))
    np.testing.assert_array_equal(a.costs, b.costs)
