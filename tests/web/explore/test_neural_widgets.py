"""The neural-network explorations' endpoints: a chunk of training is nablalab.nn's own
training from the same weights, plain steepest descent agrees with autograd's gradients,
and what the page draws is the network's own forward pass, computed here in NumPy."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad

from nablalab.nn import (
    classifier_network,
    heart_curve,
    heart_data,
    heart_network,
    steepest_descent,
    train_classifier,
)
from nablalab.web.explore.endpoints.neural import chunk_seed, playground_data

pytestmark = pytest.mark.django_db


def post(client, path, body):
    return client.post(f"/api/widgets/{path}", body, content_type="application/json")


def as_arrays(parameters):
    return {name: np.array(value, dtype=float) for name, value in parameters.items()}


def logistic(z):
    return 1 / (1 + anp.exp(-z))


def heart_cost(flat, shapes, x, y):
    """C = |a(3) − y|² / N for the 1→6→7→2 logistic network, written out for autograd."""
    params, start = {}, 0
    for name, shape in shapes:
        size = int(np.prod(shape))
        params[name] = anp.reshape(flat[start:start + size], shape)
        start += size
    a = x
    for j in (1, 2, 3):
        a = logistic(params[f"W{j}"] @ a + params[f"b{j}"])
    return anp.sum((a - y) ** 2) / x.shape[1]


def test_a_heart_chunk_is_nn_steepest_descent_from_the_same_weights(client):
    first = post(client, "neural-network", {"steps": 40, "aggression": 5, "noise": 1}).json()
    assert first["iteration"] == 40 and len(first["costs"]) == 40
    data = post(client, "neural-network", {"parameters": first["parameters"], "iteration": 40,
                                           "steps": 60, "aggression": 5, "noise": 1}).json()
    x, y = heart_data()
    start = heart_network(0).with_parameters(as_arrays(first["parameters"]))
    reference = steepest_descent(start, x, y, iterations=60, aggression=5, noise=1,
                                 seed=chunk_seed(0, 40))
    trained = reference.extra["network"].parameters()
    for name, value in as_arrays(data["parameters"]).items():
        np.testing.assert_allclose(value, trained[name], atol=1e-9)
    np.testing.assert_allclose(data["costs"], reference.extra["costs"][1:], rtol=1e-8)
    assert data["iteration"] == 100 and data["cost"] == pytest.approx(reference.fun)


def test_noiseless_heart_descent_steps_down_autograds_gradient(client):
    data = post(client, "neural-network", {"steps": 5, "aggression": 3, "noise": 0}).json()
    x, y = heart_data()
    params = heart_network(0).parameters()
    shapes = [(name, value.shape) for name, value in params.items()]
    flat = np.concatenate([value.ravel() for value in params.values()])
    gradient = grad(heart_cost)
    for _ in range(5):
        flat = flat - 3 * gradient(flat, shapes, x, y)
    got = np.concatenate([np.ravel(v) for v in as_arrays(data["parameters"]).values()])
    np.testing.assert_allclose(got, flat, atol=1e-9)
    assert data["cost"] == pytest.approx(heart_cost(flat, shapes, x, y), rel=1e-9)


def test_heart_curve_and_gradient_sizes_are_the_networks_own(client):
    data = post(client, "neural-network", {"steps": 0}).json()
    assert data["costs"] == [] and data["iteration"] == 0
    params = heart_network(0).parameters()
    t = np.linspace(0, 1, 201).reshape(1, -1)
    a = t
    for j in (1, 2, 3):
        a = 1 / (1 + np.exp(-(params[f"W{j}"] @ a + params[f"b{j}"])))
    np.testing.assert_allclose(data["curve_x"], a[0], atol=1e-8)
    np.testing.assert_allclose(data["curve_y"], a[1], atol=1e-8)
    target = (heart_curve(t.ravel()) + 1) / 2
    np.testing.assert_allclose(data["target_x"], target[0], atol=1e-8)
    # Per-layer gradient size: the norm of autograd's gradient over that layer's W and b.
    x, y = heart_data()
    shapes = [(name, value.shape) for name, value in params.items()]
    flat = np.concatenate([value.ravel() for value in params.values()])
    gradient, start, norms = grad(heart_cost)(flat, shapes, x, y), 0, []
    for j in (1, 2, 3):
        size = params[f"W{j}"].size + params[f"b{j}"].size
        norms.append(np.linalg.norm(gradient[start:start + size]))
        start += size
    np.testing.assert_allclose(data["gradient_norms"], norms, rtol=1e-7)


def test_training_the_heart_brings_the_cost_down(client):
    body = {"steps": 500, "aggression": 5, "noise": 1}
    data = post(client, "neural-network", {**body, "steps": 0}).json()
    assert data["cost"] > 0.15
    for _ in range(4):
        data = post(client, "neural-network", {**body, "parameters": data["parameters"],
                                                "iteration": data["iteration"]}).json()
    assert data["iteration"] == 2000 and data["cost"] < 0.02


@pytest.mark.parametrize(("body", "words"), [
    ({"parameters": {"W1": [[1.0]]}}, "do not fit this network"),
    ({"parameters": {**heart_network(0).to_dict()["parameters"], "W1": [[1.0]] * 5}},
     "do not fit this network"),
    ({"parameters": {**heart_network(0).to_dict()["parameters"], "b1": [[1e9]] * 6}},
     "diverged"),
    ({"parameters": {**heart_network(0).to_dict()["parameters"], "b1": [[None]] * 6}},
     "diverged"),
    ({"steps": 100000}, "less than or equal to 500"),
])
def test_heart_refuses_weights_that_do_not_fit(client, body, words):
    response = post(client, "neural-network", body)
    assert response.status_code == 422 and words in str(response.json()["detail"])


def test_a_playground_chunk_is_nn_train_classifier_from_the_same_state(client):
    body = {"dataset": "xor", "noise": 0.1, "hidden": [5, 3], "activation": "relu",
            "learning_rate": 0.3, "seed": 7, "steps": 20}
    first = post(client, "classifier-playground", body).json()
    data = post(client, "classifier-playground", {
        **body, "parameters": first["parameters"], "velocity": first["velocity"],
        "iteration": 20, "steps": 30}).json()
    x, labels, x_test, labels_test = playground_data("xor", 0.1, 7)
    start = classifier_network([5, 3], "relu", seed=7).with_parameters(
        as_arrays(first["parameters"]))
    reference = train_classifier(start, x, labels, steps=30, learning_rate=0.3, batch_size=10,
                                 momentum=0.9, seed=chunk_seed(7, 20),
                                 velocity=as_arrays(first["velocity"]))
    trained = reference.extra["network"]
    for name, value in as_arrays(data["parameters"]).items():
        np.testing.assert_allclose(value, trained.parameters()[name], atol=1e-9)
    for name, value in as_arrays(data["velocity"]).items():
        np.testing.assert_allclose(value, reference.extra["velocity"][name], atol=1e-9)
    np.testing.assert_allclose(data["train_losses"], reference.extra["costs"][1:], rtol=1e-8)
    assert data["train_loss"] == pytest.approx(reference.fun, rel=1e-12)
    assert data["iteration"] == 50

    # The decision region and the test figures, from a forward pass written here.
    params = trained.parameters()

    def predict(points):
        a = np.maximum(params["W1"] @ points + params["b1"], 0)
        a = np.maximum(params["W2"] @ a + params["b2"], 0)
        return 1 / (1 + np.exp(-(params["W3"] @ a + params["b3"])))

    xs, ys = np.array(data["grid"]["xs"]), np.array(data["grid"]["ys"])
    gx, gy = np.meshgrid(xs, ys)
    expected = predict(np.vstack([gx.ravel(), gy.ravel()])).reshape(gx.shape)
    np.testing.assert_allclose(data["grid"]["probability"], expected, atol=1e-4)
    out = predict(x_test)
    assert data["test_loss"] == pytest.approx(np.mean(np.sum((out - labels_test) ** 2, 0)))
    assert data["test_accuracy"] == pytest.approx(np.mean((out > 0.5) == (labels_test > 0.5)))
    np.testing.assert_allclose(data["test"]["x"], x_test[0], atol=1e-4)
    assert data["test"]["label"] == labels_test[0].astype(int).tolist()


@pytest.mark.parametrize("dataset", ["circles", "xor", "moons", "spiral", "gaussians"])
def test_every_dataset_is_balanced_and_in_the_plane(client, dataset):
    data = post(client, "classifier-playground", {"dataset": dataset, "steps": 0}).json()
    for part in ("train", "test"):
        points = np.array([data[part]["x"], data[part]["y"]])
        assert points.shape == (2, 200) and np.abs(points).max() < 2
        assert sum(data[part]["label"]) == 100
    assert np.array(data["grid"]["probability"]).shape == (50, 50)


def test_moons_are_two_interlocking_arcs():
    x, labels, _, _ = playground_data("moons", 0.0, 0)
    # Undo the centring and scaling: the upper arc is the unit circle's top half, the lower
    # arc the same circle turned over and moved to (1, 0.5).
    raw = x * 1.5 + np.array([[0.5], [0.25]])
    upper, lower = raw[:, labels[0] == 0], raw[:, labels[0] == 1]
    np.testing.assert_allclose(np.hypot(*upper), 1.0)
    assert np.all(upper[1] >= 0)
    np.testing.assert_allclose(np.hypot(lower[0] - 1, lower[1] - 0.5), 1.0)
    assert np.all(lower[1] <= 0.5)


def test_the_playground_learns_circles(client):
    body = {"dataset": "circles", "hidden": [4, 4], "learning_rate": 0.1, "steps": 200}
    data = post(client, "classifier-playground", body).json()
    for _ in range(9):
        data = post(client, "classifier-playground", {
            **body, "parameters": data["parameters"], "velocity": data["velocity"],
            "iteration": data["iteration"]}).json()
    assert data["train_accuracy"] > 0.95 and data["test_accuracy"] > 0.9


def test_no_hidden_layer_is_logistic_regression(client):
    data = post(client, "classifier-playground", {"hidden": [], "steps": 3}).json()
    assert set(data["parameters"]) == {"W1", "b1"}
    assert np.array(data["parameters"]["W1"]).shape == (1, 2)


@pytest.mark.parametrize(("body", "words"), [
    ({"hidden": [4, 9]}, "between 1 and 8 neurons"),
    ({"hidden": [0]}, "between 1 and 8 neurons"),
    ({"hidden": [2, 2, 2, 2]}, "at most 3"),
    ({"dataset": "swirl"}, "circles"),
    ({"activation": "softmax"}, "tanh"),
    ({"hidden": [3], "parameters": classifier_network([4]).to_dict()["parameters"]},
     "do not fit this network"),
    ({"hidden": [4], "parameters": classifier_network([4]).to_dict()["parameters"],
      "velocity": {"W1": [[0.0, 0.0]]}}, "momentum values sent do not fit"),
])
def test_the_playground_refuses_what_it_cannot_build(client, body, words):
    response = post(client, "classifier-playground", body)
    assert response.status_code == 422 and words in str(response.json()["detail"])
