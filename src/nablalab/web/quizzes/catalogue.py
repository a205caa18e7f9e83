"""Which questions a quiz item asks: the content's item slugs mapped to the assess layer's
quiz ids (the two were named independently, so the table is explicit), and the seeded draw
of 5-6 questions from the quiz's templates."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from functools import cache

from nablalab.assess.questions import Template, Variant, all_templates
from nablalab.assess.questions.pool import SEED_RANGE

# content item slug -> nablalab.assess.questions.QUIZZES id (a test checks every quiz item).
ITEM_QUIZZES: dict[str, str] = {
    "matching-functions-visually": "m1-practice-matching-functions",
    "matching-graphs-to-derivatives": "m1-practice-derivative-graphs",
    "lets-differentiate-some-functions": "m1-practice-differentiate",
    "practising-the-product-rule": "m1-practice-product-rule",
    "practising-the-chain-rule": "m1-practice-chain-rule",
    "unleashing-the-toolbox": "m1-graded-toolbox",
    "partial-differentiation": "m2-practice-partial-derivatives",
    "calculating-the-jacobian": "m2-practice-jacobian",
    "bigger-jacobians": "m2-practice-bigger-jacobians",
    "calculating-hessians": "m2-practice-hessians",
    "jacobians-and-hessians": "m2-graded-jacobians-hessians",
    "multivariate-chain-rule-practice": "m3-practice-multivariate-chain-rule",
    "simple-artificial-neural-networks": "m3-practice-neural-networks",
    "training-neural-networks": "m3-practice-training-networks",
    "matching-functions-and-approximations": "m4-practice-matching-approximations",
    "applying-the-taylor-series": "m4-practice-applying-taylor",
    "taylor-series-special-cases": "m4-practice-taylor-special-cases",
    "two-dimensional-taylor-series": "m4-practice-2d-taylor",
    "taylor-series-assessment": "m4-graded-taylor",
    "newton-raphson-in-one-dimension": "m5-practice-newton-raphson",
    "lagrange-multipliers": "m5-practice-lagrange",
    "checking-newton-raphson": "m5-graded-checking-newton",
    "optimisation-scenarios": "m5-graded-optimisation-scenarios",
    "linear-regression": "m6-practice-linear-regression",
    "fitting-a-non-linear-function": "m6-practice-nonlinear-fitting",
    # beyond the course (modules 7-9): practice only
    "taylor-series-in-depth": "beyond-taylor",
    "lagrange-multipliers-in-depth": "beyond-lagrange",
    "integration-for-machine-learning": "beyond-integration",
    "automatic-differentiation-practice": "beyond-autodiff",
}
QUIZ_KINDS = ("practice-quiz", "graded-quiz")
PASS_MARK = 0.8
FEW_TEMPLATES = 5  # a quiz with more templates than this asks six questions, else five


def quiz_id_for(item_slug: str) -> str:
    try:
        return ITEM_QUIZZES[item_slug]
    except KeyError:
        raise KeyError(f"the activity {item_slug!r} has no quiz in the question bank") from None


@cache
def templates_for(quiz_id: str) -> tuple[Template, ...]:
    found = tuple(t for t in all_templates() if quiz_id in t.quizzes)
    if not found:
        raise KeyError(f"no question template serves the quiz {quiz_id!r}")
    return found


def question_count(quiz_id: str) -> int:
    return 6 if len(templates_for(quiz_id)) > FEW_TEMPLATES else 5


def draw_questions(quiz_id: str, seed: int,
                   pooled: Callable[[str], Variant | None] = lambda _slug: None,
                   ) -> list[dict[str, object]]:
    """The quiz's questions for ``seed``: every template once before any repeats (a repeat
    gets its own seed, so it is a different variant), in a seeded order. ``pooled`` may
    supply a ready fresh variant of a template (practice quizzes), whose seed is used."""
    rng = random.Random(f"{quiz_id}:{seed}")
    templates = list(templates_for(quiz_id))
    drawn: list[Template] = []
    while len(drawn) < question_count(quiz_id):
        rng.shuffle(templates)
        drawn.extend(templates)
    questions: list[dict[str, object]] = []
    for template in drawn[:question_count(quiz_id)]:
        own_seed = rng.randrange(SEED_RANGE)  # drawn either way: the seeded draw never shifts
        ready = pooled(template.slug)
        questions.append({"slug": template.slug, "seed": ready.seed if ready else own_seed})
    return questions


def graded_seed(learner_id: int, quiz_id: str, number: int) -> int:
    """The same learner's attempt ``number`` always gets the same questions; others differ."""
    digest = hashlib.sha256(f"{learner_id}:{quiz_id}:{number}".encode()).digest()
    return int.from_bytes(digest[:4], "big") >> 1
