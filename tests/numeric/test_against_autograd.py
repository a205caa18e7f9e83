"""Random programs differentiated by our engines and by HIPS autograd must agree (1e-10)."""

from __future__ import annotations

import autograd
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nablalab.numeric import autodiff as ad
from nablalab.numeric.forward import jvp
from nablalab.numeric.functional import grad, hessian, jacobian
from tests.numeric.programs import (
    AUTOGRAD,
    assert_close,
    random_x,
    scalar_program,
    steps,
    vector_program,
)

seeds = st.integers(0, 2**32 - 1)


@settings(max_examples=150, deadline=None)
@given(program=steps, seed=seeds)
def test_reverse_mode_gradient_matches_autograd(program, seed):
    x = random_x(seed)
    ours = grad(scalar_program(program, ad))(x)
    reference = autograd.grad(scalar_program(program, AUTOGRAD))(x)
    assert_close(ours, reference)


@settings(max_examples=100, deadline=None)
@given(program=steps, seed=seeds)
def test_forward_mode_tangent_is_gradient_dot_direction(program, seed):
    x = random_x(seed)
    v = np.random.default_rng(seed + 1).standard_normal(x.size)
    value, tangent = jvp(scalar_program(program, ad), x, v)
    f_reference = scalar_program(program, AUTOGRAD)
    assert_close(value, f_reference(x))
    assert_close(tangent, autograd.grad(f_reference)(x) @ v)


@settings(max_examples=40, deadline=None)
@given(program=steps, seed=seeds)
def test_jacobian_both_modes_match_autograd(program, seed):
    x = random_x(seed)
    reference = autograd.jacobian(vector_program(program, AUTOGRAD))(x)
    f = vector_program(program, ad)
    for mode in ("forward", "reverse", "auto"):
        assert_close(jacobian(f, mode=mode)(x), reference)


@pytest.mark.filterwarnings("ignore:Output seems independent of input")
@settings(max_examples=30, deadline=None)
@given(program=steps, seed=seeds)
def test_hessian_matches_autograd(program, seed):
    x = random_x(seed)
    ours = hessian(scalar_program(program, ad))(x)
    reference = autograd.hessian(scalar_program(program, AUTOGRAD))(x)
    assert_close(ours, reference)
