"""The calls other apps make when a signed-in learner's answer is checked: each turns the
checker's results into skill evidence and records it. One line at each call site."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from nablalab.adaptive import PartOutcome, skill_evidence, try_it_skills, variant_outcomes
from nablalab.assess.questions import Variant, get_template
from nablalab.web.mastery.store import Change, record_evidence

PRACTICE_QUIZ, GRADED_QUIZ, TRY_IT, PRACTISE_NOW = ("practice quiz", "graded quiz", "try-it",
                                                    "practise now")


def record_variant(learner: object, variant: Variant, results: Mapping[str, Mapping[str, Any]],
                   source: str) -> list[Change]:
    """One answered question (``results`` keyed by part name, ``CheckResult.to_dict()``)."""
    template = get_template(variant.slug)
    evidence = skill_evidence(template.slug, template.skills, variant_outcomes(variant, results))
    return record_evidence(learner, evidence, source=source, template=template.slug)


def record_quiz_answers(learner: object, drawn: Sequence[Variant],
                        results: Mapping[str, Mapping[str, Any]], graded: bool) -> None:
    """A submitted quiz attempt; ``results`` are keyed by form field, as the quiz sheet
    names them (``q<index>-<part>``)."""
    from nablalab.web.quizzes.sheet import field_name  # the quizzes app imports this module

    for index, variant in enumerate(drawn):
        parts = {p.name: results[field_name(index, p.name)] for p in variant.parts
                 if field_name(index, p.name) in results}
        record_variant(learner, variant, parts, GRADED_QUIZ if graded else PRACTICE_QUIZ)


def record_try_it(user: Any, question_id: str, verdict: Mapping[str, Any]) -> None:
    """A lesson's try-it check (``verdict``: ``CheckResult.to_dict()`` or a subset with
    valid, score and diagnosis), for signed-in learners only: visitors have no profile."""
    if not user.is_authenticated:
        return
    outcome = PartOutcome(bool(verdict["valid"]), float(verdict["score"]),
                          str(verdict["diagnosis"]))
    evidence = skill_evidence(question_id, try_it_skills(question_id), [outcome])
    record_evidence(user, evidence, source=TRY_IT, template=question_id)
