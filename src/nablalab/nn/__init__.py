"""Neural networks as the course builds them, with backpropagation written out by hand.

Samples are columns, z(j) = W(j) a(j−1) + b(j), a(j) = σ(z(j)), C = |a(L) − y|² / N.
:func:`backprop` writes the chain rule out layer by layer; :func:`autodiff_backprop` gets
the same Jacobians from the project's autodiff engine; :func:`gradient_check` compares
any Jacobian function with finite differences.
"""

from nablalab.nn.activations import ACTIVATIONS, LINEAR, LOGISTIC, RELU, TANH, Activation
from nablalab.nn.autodiff_backprop import autodiff_backprop
from nablalab.nn.backprop import backprop, layer_jacobian
from nablalab.nn.gradcheck import GradientCheck, gradient_check, numerical_jacobians
from nablalab.nn.heart import HEART_WIDTHS, heart_curve, heart_data, heart_network, train_heart
from nablalab.nn.network import Network, Parameters
from nablalab.nn.playground import (
    DATASETS,
    DecisionGrid,
    accuracy,
    classifier_network,
    decision_grid,
    make_dataset,
    train_classifier,
)
from nablalab.nn.training import sgd, steepest_descent

__all__ = [
    "ACTIVATIONS",
    "DATASETS",
    "HEART_WIDTHS",
    "LINEAR",
    "LOGISTIC",
    "RELU",
    "TANH",
    "Activation",
    "DecisionGrid",
    "GradientCheck",
    "Network",
    "Parameters",
    "accuracy",
    "autodiff_backprop",
    "backprop",
    "classifier_network",
    "decision_grid",
    "gradient_check",
    "heart_curve",
    "heart_data",
    "heart_network",
    "layer_jacobian",
    "make_dataset",
    "numerical_jacobians",
    "sgd",
    "steepest_descent",
    "train_classifier",
    "train_heart",
]
