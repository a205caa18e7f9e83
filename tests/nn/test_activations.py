import autograd.numpy as anp
import numpy as np
import pytest
from autograd import elementwise_grad

from nablalab.nn.activations import ACTIVATIONS, LOGISTIC, activation
from tests.nn.reference import AUTOGRAD_SIGMA

Z = np.linspace(-6, 6, 101)


def test_logistic_is_one_over_one_plus_exp():
    np.testing.assert_allclose(LOGISTIC(Z), 1 / (1 + np.exp(-Z)), rtol=1e-14)


def test_logistic_does_not_overflow_far_out():
    with np.errstate(all="raise"):
        values = LOGISTIC(np.array([-1000.0, 1000.0]))
    np.testing.assert_array_equal(values, [0.0, 1.0])


@pytest.mark.parametrize("name", ["logistic", "tanh"])
def test_derivatives_vanish_quietly_far_out(name):
    with np.errstate(all="raise"):
        values = activation(name).d_sigma(np.array([-5000.0, 0.0, 5000.0]))
    assert values[0] == values[2] == 0.0
    assert values[1] == (0.25 if name == "logistic" else 1.0)


def test_course_form_of_logistic_derivative_is_sigma_times_one_minus_sigma():
    s = LOGISTIC(Z)
    np.testing.assert_allclose(LOGISTIC.d_sigma(Z), s * (1 - s), rtol=1e-12)


@pytest.mark.parametrize("name", ["logistic", "tanh", "relu", "linear"])
def test_function_and_derivative_match_autograd(name):
    z = Z[Z != 0]  # relu has no derivative at its kink
    act = activation(name)
    reference = AUTOGRAD_SIGMA[name]
    np.testing.assert_allclose(act(z), reference(z), rtol=1e-13, atol=1e-15)
    np.testing.assert_allclose(
        act.d_sigma(z), elementwise_grad(lambda t: reference(t) + 0 * anp.sum(t))(z),
        rtol=1e-12, atol=1e-15,
    )


def test_sigmoid_is_an_alias_of_logistic_and_lookup_is_case_blind():
    assert activation("sigmoid") is activation("Logistic") is LOGISTIC
    assert activation(LOGISTIC) is LOGISTIC
    assert set(ACTIVATIONS) == {"logistic", "sigmoid", "tanh", "relu", "linear"}


def test_unknown_activation_names_the_choices():
    with pytest.raises(ValueError, match="choose one of linear, logistic, relu"):
        activation("softplus")
