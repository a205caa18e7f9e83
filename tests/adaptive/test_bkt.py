"""Bayesian Knowledge Tracing: the update against Bayes' rule done by hand, partial credit,
and the estimate against simulated learners whose true state we know."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from nablalab.adaptive import MASTERY, BKTParams, params_for
from nablalab.adaptive.bkt import CHOICE_GUESS

from .simulated import SimulatedLearner

PARAMS = BKTParams()


def bayes_by_enumeration(p: Fraction, correct: bool, params: BKTParams) -> Fraction:
    """Joint probabilities of (state, observation), summed: the posterior of 'known'."""
    slip, guess = Fraction(params.slip), Fraction(params.guess)
    joint = {("known", True): p * (1 - slip), ("known", False): p * slip,
             ("unknown", True): (1 - p) * guess, ("unknown", False): (1 - p) * (1 - guess)}
    return joint[("known", correct)] / (joint[("known", correct)] + joint[("unknown", correct)])


@pytest.mark.parametrize("p", [0.01, 0.2, 0.5, 0.77, 0.99])
@pytest.mark.parametrize("correct", [True, False])
def test_posterior_is_bayes_rule(p, correct):
    expected = bayes_by_enumeration(Fraction(p), correct, PARAMS)
    assert PARAMS.posterior(p, 1.0 if correct else 0.0) == pytest.approx(float(expected),
                                                                           rel=1e-12)
    learned = expected + (1 - expected) * Fraction(PARAMS.learn)
    assert PARAMS.update(p, 1.0 if correct else 0.0) == pytest.approx(float(learned), rel=1e-12)


def test_partial_credit_lies_between_wrong_and_right_and_is_monotone():
    scores = [0, 0.25, 0.5, 0.75, 1]
    updates = [PARAMS.update(0.4, s) for s in scores]
    assert updates == sorted(updates) and len(set(updates)) == len(updates)
    # Half credit is the likelihood mixture: evidence between the two, not their average.
    known = 0.4 * (0.5 * 0.9 + 0.5 * 0.1)
    unknown = 0.6 * (0.5 * 0.15 + 0.5 * 0.85)
    assert PARAMS.posterior(0.4, 0.5) == pytest.approx(known / (known + unknown))


def test_three_right_answers_reach_mastery_and_two_do_not():
    p = PARAMS.prior
    for _ in range(2):
        p = PARAMS.update(p, 1.0)
    assert p < MASTERY
    assert PARAMS.update(p, 1.0) >= MASTERY


def test_a_wrong_answer_lowers_and_a_right_one_raises_the_estimate():
    for p in (0.1, 0.5, 0.9):
        assert PARAMS.posterior(p, 0.0) < p < PARAMS.posterior(p, 1.0)


def test_choice_skills_allow_more_guessing():
    assert params_for("reading graphs").guess == CHOICE_GUESS
    assert params_for("chain rule").guess == PARAMS.guess
    # A right answer to a choice question is weaker evidence.
    assert params_for("reading graphs").posterior(0.3, 1) < PARAMS.posterior(0.3, 1)


@pytest.mark.parametrize("bad", [{"slip": 0.5}, {"guess": 0.7}, {"prior": 1.5},
                                 {"learn": -0.1}])
def test_parameters_are_checked(bad):
    with pytest.raises(ValueError):
        BKTParams(**bad)
    with pytest.raises(ValueError, match="score"):
        PARAMS.posterior(0.5, 1.5)


def simulate(truth: BKTParams, learners: int, steps: int, seed: int):
    """(estimate before the answer, truly known before the answer) for every answer given."""
    rng = random.Random(seed)
    pairs = []
    finals = []
    for _ in range(learners):
        learner = SimulatedLearner.starting(truth, rng)
        estimate = PARAMS.prior
        for _ in range(steps):
            pairs.append((estimate, learner.known))
            estimate = PARAMS.update(estimate, learner.answer())
        finals.append((estimate, learner.known))
    return pairs, finals


def test_estimate_is_calibrated_against_the_truth_of_simulated_learners():
    """When the model is right, P(known) *is* the chance the learner knows the skill: in
    every bin of estimates, the fraction truly knowing it matches the estimate."""
    pairs, _ = simulate(PARAMS, learners=2000, steps=12, seed=1)
    bins: dict[int, list[tuple[float, bool]]] = {}
    for estimate, known in pairs:
        bins.setdefault(min(int(estimate * 10), 9), []).append((estimate, known))
    checked = 0
    for members in bins.values():
        if len(members) < 200:
            continue
        mean_estimate = sum(e for e, _ in members) / len(members)
        fraction_known = sum(k for _, k in members) / len(members)
        assert abs(mean_estimate - fraction_known) < 0.04, (mean_estimate, fraction_known)
        checked += 1
    assert checked >= 5


def test_estimate_converges_for_learners_of_fixed_true_mastery():
    """Over the last 20 of 40 answers, the estimate of a learner who knows the skill stays
    high and that of one who never learns it stays low (a lucky guess lifts it briefly)."""
    rng = random.Random(2)
    masters = BKTParams(prior=1.0, learn=0.0, slip=0.1, guess=0.15)
    strugglers = BKTParams(prior=0.0, learn=0.0, slip=0.1, guess=0.15)
    for truth, check in ((masters, lambda mean: mean >= 0.9),
                         (strugglers, lambda mean: mean < 0.4)):
        settled = 0
        for _ in range(200):
            learner = SimulatedLearner.starting(truth, rng)
            estimates = [PARAMS.prior]
            for _ in range(40):
                estimates.append(PARAMS.update(estimates[-1], learner.answer()))
            settled += check(sum(estimates[-20:]) / 20)
        assert settled >= 190, (truth, settled)


def test_estimate_tracks_learners_even_when_our_parameters_are_off():
    """Real learners do not share our parameters: still, after 25 answers, the estimate
    says 'mastered' for nearly all who know the skill and for few who do not."""
    truth = BKTParams(prior=0.1, learn=0.2, slip=0.05, guess=0.2)
    _, finals = simulate(truth, learners=1000, steps=25, seed=3)
    knowers = [e for e, known in finals if known]
    others = [e for e, known in finals if not known]
    assert sum(e >= MASTERY for e in knowers) / len(knowers) > 0.9
    assert sum(e >= MASTERY for e in others) / max(1, len(others)) < 0.2
