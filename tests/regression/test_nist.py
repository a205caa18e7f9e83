"""All 54 NIST StRD non-linear fits (27 problems × 2 starts) against the certified values.

NIST certifies parameters, their standard deviations and the residual sum of squares to
11 digits; a fit passes with at least 6 correct digits (LRE ≥ 6) in every parameter and
in the RSS. SciPy's MINPACK wrapper manages 47 of the 54 (see bench/nist_fits.py).
"""

from __future__ import annotations

import pytest

from nablalab.numeric.result import Status
from nablalab.regression import fit
from tests.regression.nist_problems import MODELS, load, lre, param_lre

REQUIRED_DIGITS = 6.0
CASES = [(name, start) for name in MODELS for start in (1, 2)]


@pytest.fixture(scope="module")
def problems():
    return {name: load(name) for name in MODELS}


@pytest.mark.parametrize(("name", "start"), CASES, ids=[f"{n}-start{s}" for n, s in CASES])
def test_certified_values_reproduced(problems, name: str, start: int) -> None:
    problem = problems[name]
    result = fit(problem.model, problem.x_data, problem.y, problem.starts[start - 1],
                 independent=problem.independent)
    assert result.status is Status.CONVERGED, result.message
    assert param_lre(result.params, problem) >= REQUIRED_DIGITS, (result.params, problem.certified)
    assert lre(result.fun, problem.certified_rss) >= REQUIRED_DIGITS, (result.fun,
                                                                     problem.certified_rss)
    # NIST's standard deviations are sqrt(diag((JᵀJ)⁻¹)·RSS/(m − n)): the covariance too.
    for param, certified in problem.certified_stderr.items():
        assert lre(result.stderr[param], certified) >= REQUIRED_DIGITS, (param, result.stderr)


def test_nist_files_are_read_completely(problems) -> None:
    """Guards the reader: parameter counts and observation counts as NIST states them."""
    sizes = {"Misra1a": (2, 14), "Lanczos3": (6, 24), "Gauss1": (8, 250), "Hahn1": (7, 236),
             "Nelson": (3, 128), "ENSO": (9, 168), "Bennett5": (3, 154), "MGH09": (4, 11)}
    for name, (n_params, n_obs) in sizes.items():
        problem = problems[name]
        assert len(problem.certified) == len(problem.starts[0]) == n_params
        assert problem.y.size == n_obs
    assert problems["Nelson"].x.shape == (2, 128)


def test_lre_counts_digits() -> None:
    assert lre(1.2345678, 1.2345678) == 15.0
    assert lre(1.0001, 1.0) == pytest.approx(4.0)
    assert lre(float("nan"), 1.0) == 0.0
    assert lre(3.0, 0.0) == 0.0  # absolute error when the certified value is zero
