"""Bayesian Knowledge Tracing (Corbett & Anderson, 1995), our own few lines.

Each learner × skill is a two-state hidden Markov model: the skill is *known* or not. An
answer is correct with probability ``1 - slip`` when known and ``guess`` when not; after
each opportunity an unknown skill becomes known with probability ``learn`` (no forgetting:
forgetting is the spaced-repetition scheduler's job, see ``scheduler``).

Partial credit: an answer scoring ``s`` in [0, 1] is soft evidence, "correct with
probability s". Its likelihood is ``s·P(correct | state) + (1 - s)·P(wrong | state)``, so
s = 1 and s = 0 are the usual updates and s = 0.5 moves the estimate only by what a coin
flip between the two would. This keeps a half-right three-part answer from counting as
either a full success or a full failure.
"""

from __future__ import annotations

from dataclasses import dataclass

MASTERY = 0.95  # P(known) at which a skill counts as mastered (Corbett & Anderson's cut-off)


@dataclass(frozen=True)
class BKTParams:
    """Per-skill parameters.

    Defaults, argued: ``prior`` 0.2 — beginners arrive with little multivariate calculus,
    but some have met single-variable rules at school; ``learn`` 0.1 — each question with
    feedback and a worked solution teaches about one time in ten (fits in the ASSISTments
    and Cognitive Tutor literature range 0.05-0.3); ``slip`` 0.1 — typed symbolic answers
    invite algebra slips even when the rule is known; ``guess`` 0.15 — a typed expression is
    rarely right by chance, but a half-understood rule can land on the right answer for a
    simple instance (choice questions raise it, see ``params_for``). With these, three right
    answers in a row from the prior reach mastery, and two do not. Slip and guess stay below
    0.5 so that a correct answer is always evidence *for* the skill (the model stays
    identifiable).
    """

    prior: float = 0.2
    learn: float = 0.1
    slip: float = 0.1
    guess: float = 0.15

    def __post_init__(self) -> None:
        for name in ("prior", "learn", "slip", "guess"):
            value = getattr(self, name)
            if not 0 <= value <= 1:
                raise ValueError(f"BKT {name} must be a probability, not {value}")
        if self.slip >= 0.5 or self.guess >= 0.5:
            raise ValueError("BKT slip and guess must be below 0.5, or a correct answer "
                             "would count against the skill")

    def p_correct(self, p_known: float) -> float:
        """The chance the next answer is right, given P(known)."""
        return p_known * (1 - self.slip) + (1 - p_known) * self.guess

    def posterior(self, p_known: float, score: float) -> float:
        """P(known) after seeing an answer with credit ``score``, before any learning."""
        if not 0 <= score <= 1:
            raise ValueError(f"an answer's score must be between 0 and 1, not {score}")
        known = p_known * (score * (1 - self.slip) + (1 - score) * self.slip)
        unknown = (1 - p_known) * (score * self.guess + (1 - score) * (1 - self.guess))
        return known / (known + unknown)

    def update(self, p_known: float, score: float) -> float:
        """P(known) at the next opportunity: the posterior, then the chance to learn."""
        after = self.posterior(p_known, score)
        return after + (1 - after) * self.learn


# Skills most of whose questions are multiple choice: a right option is likelier by chance.
CHOICE_SKILLS = frozenset({"reading graphs", "choosing a method", "convergence", "parity",
                           "expansion point", "approximation order"})
CHOICE_GUESS = 0.25  # typical of four options


def params_for(skill: str) -> BKTParams:
    return BKTParams(guess=CHOICE_GUESS) if skill in CHOICE_SKILLS else DEFAULT_PARAMS


DEFAULT_PARAMS = BKTParams()
