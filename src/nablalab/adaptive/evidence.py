"""From a checked answer to evidence about skills.

A question is tagged with skills; a wrong answer whose mistake the checker *diagnosed* says
more than "wrong": forgetting the inner derivative in a product-rule question is a chain-rule
failure, not a product-rule one. So each answered part is evidence either

- about the skill its diagnosed mistake reveals (score 0 for that skill only; the question's
  other skills are not blamed — the mistake explains the wrong answer), or
- about every skill the question is tagged with (its score, partial credit included).

Each skill's observation for the question is the weight-averaged score of the parts that are
evidence about it. Unreadable or unanswered parts are no evidence at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from nablalab.assess.questions import Variant
from nablalab.assess.result import Diagnosis

from .skills import skill_map

# A declared mistake's name (as the question bank spells it) -> the skill it reveals.
MISTAKE_SKILLS: dict[str, str] = {
    **dict.fromkeys(("forgot-inner", "forgot-innermost", "forgot-middle", "forgot-power",
                     "no-inner", "no-sigma-prime"), "chain rule"),
    **dict.fromkeys(("cos-sign", "sin-sign", "trig-sign", "power-rule-on-exp",
                     "exp-power-rule", "log-wrong"), "special functions"),
    **dict.fromkeys(("one-term", "derivative-product"), "product rule"),
    **dict.fromkeys(("quotient-sign", "denominator-not-squared", "numerator-reversed",
                     "derivative-quotient"), "quotient rule"),
    **dict.fromkeys(("wrt-x", "wrong-variable", "kept-constant"), "partial derivative"),
    **dict.fromkeys(("one-path", "only-x-path", "only-y-path", "total-derivative"),
                    "multivariate chain rule"),
    **dict.fromkeys(("function-value", "function-values"), "evaluate derivative"),
    **dict.fromkeys(("differentiated", "integrated", "no-division"), "antiderivative"),
    **dict.fromkeys(("reversed", "columns-swapped"), "jacobian"),
    **dict.fromkeys(("no-factorial", "no-factorials"), "taylor coefficient"),
    **dict.fromkeys(("lambda-sign", "constraint-sign", "no-constraint"), "lagrange system"),
    **dict.fromkeys(("not-squared", "no-two"), "least squares"),
    **dict.fromkeys(("run-over-rise", "rise-only"), "rise over run"),
    **dict.fromkeys(("no-power", "kept-exponent"), "power rule"),
    **dict.fromkeys(("no-activation", "other-activation"), "activation"),
    "no-mixed": "hessian",
    "swapped": "gradient",
    "uphill": "steepest descent",
    "transposed-weights": "matrix product",
    "no-bias": "neural network",
    "not-shifted": "expansion point",
    "x-on-y": "linear regression",
    "parts-sign": "integration by parts",
}
# Where a template uses a common mistake name for a different skill.
TEMPLATE_MISTAKE_SKILLS: dict[tuple[str, str], str] = {
    ("total-derivative", "forgot-inner"): "total derivative",
    ("antiderivative-basic", "no-inner"): "substitution",
    ("antiderivative-basic", "trig-sign"): "antiderivative",
    ("chain-rule-matrix", "no-inner"): "multivariate chain rule",
}
# Generic diagnoses that point at one skill whatever the question.
DIAGNOSIS_SKILLS: dict[str, str] = {
    Diagnosis.WRONG_VARIABLE: "partial derivative",
    Diagnosis.TRANSPOSED: "jacobian",
}


@dataclass(frozen=True)
class PartOutcome:
    """One checked answer box: what the checker said, and the declared mistake it matched."""

    valid: bool
    score: float
    diagnosis: str
    mistake: str = ""  # the declared mistake's name, when the checker matched one
    weight: float = 1.0


@dataclass(frozen=True)
class Evidence:
    """One observation of one skill: the credit earned, and the mistake that revealed the
    skill (empty when the answer was simply right, partly right or unexplained)."""

    skill: str
    score: float
    mistake: str = ""


def revealed_skill(template: str, outcome: PartOutcome) -> str | None:
    """The skill a wrong answer's diagnosis points at, if it points at one."""
    if outcome.score >= 1:
        return None
    if outcome.mistake:
        return (TEMPLATE_MISTAKE_SKILLS.get((template, outcome.mistake))
                or MISTAKE_SKILLS.get(outcome.mistake))
    return DIAGNOSIS_SKILLS.get(outcome.diagnosis)


def skill_evidence(template: str, skills: Sequence[str],
                   outcomes: Iterable[PartOutcome]) -> list[Evidence]:
    """Per-skill observations for one answered question (see the module docstring)."""
    totals: dict[str, list[float]] = {}  # skill -> [weighted score, weight]
    mistakes: dict[str, str] = {}
    for outcome in outcomes:
        if not outcome.valid:
            continue
        revealed = revealed_skill(template, outcome)
        targets = (revealed,) if revealed else tuple(skills)
        for skill in targets:
            total = totals.setdefault(skill, [0.0, 0.0])
            total[0] += outcome.weight * (0.0 if revealed else outcome.score)
            total[1] += outcome.weight
        if revealed:
            mistakes[revealed] = outcome.mistake or outcome.diagnosis
    known = skill_map()
    return [Evidence(skill, score / weight, mistakes.get(skill, ""))
            for skill, (score, weight) in totals.items() if weight > 0 and skill in known]


def variant_outcomes(variant: Variant, results: Mapping[str, Mapping[str, Any]]
                     ) -> list[PartOutcome]:
    """Outcomes of a variant's parts from ``CheckResult.to_dict()``-shaped results (keyed by
    part name); a declared mistake is recognised by its feedback, which the checker returns
    word for word."""
    outcomes = []
    for part in variant.parts:
        result = results.get(part.name)
        if result is None:
            continue
        mistake = ""
        if result["diagnosis"] == Diagnosis.DECLARED_MISTAKE:
            mistake = next((m.name for m in part.mistakes if m.feedback == result["feedback"]),
                           "")
        outcomes.append(PartOutcome(bool(result["valid"]), float(result["score"]),
                                    str(result["diagnosis"]), mistake, part.weight))
    return outcomes
