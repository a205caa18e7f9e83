"""Simulated learners with a known true state, for testing the estimator and scheduler."""

from __future__ import annotations

import random
from dataclasses import dataclass

from nablalab.adaptive import BKTParams


@dataclass
class SimulatedLearner:
    """Knows the skill or not (``known``, the truth we test against); answers right with
    P = 1 - slip when known and P = guess when not; after each answer an unknown skill
    becomes known with P(learn)."""

    truth: BKTParams
    rng: random.Random
    known: bool = False

    @classmethod
    def starting(cls, truth: BKTParams, rng: random.Random) -> SimulatedLearner:
        return cls(truth, rng, rng.random() < truth.prior)

    def answer(self) -> float:
        p_right = 1 - self.truth.slip if self.known else self.truth.guess
        score = 1.0 if self.rng.random() < p_right else 0.0
        if not self.known and self.rng.random() < self.truth.learn:
            self.known = True
        return score
