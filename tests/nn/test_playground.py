import numpy as np
import pytest

from nablalab.nn.playground import (
    DATASETS,
    DecisionGrid,
    accuracy,
    classifier_network,
    decision_grid,
    make_dataset,
    train_classifier,
)


@pytest.mark.parametrize("name", list(DATASETS))
def test_datasets_are_columns_with_balanced_labels_and_seeded(name):
    x, labels = make_dataset(name, 101, seed=4)
    assert x.shape == (2, 101) and labels.shape == (1, 101)
    assert set(np.unique(labels)) == {0.0, 1.0}
    assert abs(labels.sum() - 50.5) <= 0.5
    again, _ = make_dataset(name, 101, seed=4)
    other, _ = make_dataset(name, 101, seed=5)
    np.testing.assert_array_equal(x, again)
    assert not np.allclose(x, other)


def test_circle_labels_follow_the_radius():
    x, labels = make_dataset("circle", 400, seed=0)
    radius = np.hypot(*x)
    assert np.all(radius[labels[0] == 1] <= 0.5)
    assert np.all((radius[labels[0] == 0] >= 0.7) & (radius[labels[0] == 0] <= 1.0))


def test_xor_labels_follow_the_quadrant_and_avoid_the_axes():
    x, labels = make_dataset("xor", 400, seed=0)
    np.testing.assert_array_equal(labels[0], (x[0] * x[1] > 0).astype(float))
    assert np.abs(x).min() >= 0.05 and np.abs(x).max() <= 1.0


def test_gaussian_clusters_sit_at_plus_minus_a_half():
    x, labels = make_dataset("gaussians", 4000, seed=0)
    for label, centre in ((1.0, 0.5), (0.0, -0.5)):
        cluster = x[:, labels[0] == label]
        np.testing.assert_allclose(cluster.mean(axis=1), [centre, centre], atol=0.03)
        np.testing.assert_allclose(cluster.std(axis=1), [0.25, 0.25], rtol=0.06)


def test_spiral_arms_are_half_a_turn_apart():
    x, labels = make_dataset("spiral", 200, seed=0)
    radius = np.hypot(*x)
    assert radius.max() <= 1.0
    arm = x[:, labels[0] == 1]
    # Rotating an arm-1 point by π lands it on arm 0's formula: the arms are point reflections.
    angle = np.arctan2(arm[0], arm[1])
    expected = np.mod(1.75 * 2 * np.pi * np.hypot(*arm) + np.pi, 2 * np.pi)
    np.testing.assert_allclose(np.mod(angle, 2 * np.pi), expected, atol=1e-9)


def test_noise_moves_points_but_not_labels():
    clean, labels = make_dataset("xor", 50, seed=2)
    noisy, noisy_labels = make_dataset("xor", 50, noise=0.1, seed=2)
    np.testing.assert_array_equal(labels, noisy_labels)
    shift = noisy - clean
    assert 0.05 < shift.std() < 0.15


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"name": "rings"}, "choose one of circle, xor, gaussians, spiral, moons"),
    ({"name": "xor", "n_samples": 1}, "at least 2"),
    ({"name": "xor", "noise": -0.1}, "cannot be negative"),
])
def test_bad_dataset_requests_are_explained(kwargs, match):
    with pytest.raises(ValueError, match=match):
        make_dataset(**kwargs)


def test_classifier_network_shape():
    net = classifier_network((5, 3), "relu", seed=1)
    assert net.widths == (2, 5, 3, 1)
    assert [a.name for a in net.activations] == ["relu", "relu", "logistic"]


def test_decision_grid_is_the_network_output_on_the_grid():
    net = classifier_network(seed=3)
    grid = decision_grid(net, bounds=(-1, 2, -3, 0), resolution=7)
    assert isinstance(grid, DecisionGrid)
    np.testing.assert_allclose(grid.xs, np.linspace(-1, 2, 7))
    np.testing.assert_allclose(grid.ys, np.linspace(-3, 0, 7))
    for i, k in [(0, 0), (2, 5), (6, 1)]:
        point = np.array([[grid.xs[k]], [grid.ys[i]]])
        assert grid.probability[i, k] == pytest.approx(net.predict(point)[0, 0], rel=1e-14)
    as_dict = grid.to_dict()
    assert len(as_dict["probability"]) == 7 and len(as_dict["probability"][0]) == 7
    with pytest.raises(ValueError, match="min < max"):
        decision_grid(net, bounds=(1, -1, 0, 1))


def test_accuracy_counts_the_right_side_of_one_half():
    net = classifier_network(seed=0)
    x = np.random.default_rng(0).standard_normal((2, 30))
    predicted = (net.predict(x) > 0.5).astype(float)
    assert accuracy(net, x, predicted) == 1.0
    assert accuracy(net, x, 1 - predicted) == 0.0


@pytest.mark.parametrize("name", ["circle", "xor", "gaussians"])
def test_training_separates_the_easy_datasets(name):
    x, labels = make_dataset(name, 200, noise=0.05, seed=1)
    result = train_classifier(classifier_network((8, 8), "tanh", seed=0), x, labels,
                              steps=1500, seed=0, resolution=20)
    assert result.accuracy >= 0.97
    assert result.fun < 0.1 * result.initial_cost
    assert result.grid.probability.shape == (20, 20)


def test_training_in_chunks_with_velocity_matches_one_run():
    x, labels = make_dataset("circle", 40, seed=0)
    net = classifier_network(seed=0)
    whole = train_classifier(net, x, labels, steps=30, batch_size=None)
    first = train_classifier(net, x, labels, steps=10, batch_size=None)
    rest = train_classifier(first.network, x, labels, steps=20, batch_size=None,
                            velocity=first.velocity)
    np.testing.assert_allclose(rest.x, whole.x,
                               rtol=1e-12)
    assert rest.accuracy == whole.accuracy
