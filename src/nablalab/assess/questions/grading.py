"""Grading a whole variant: each part through the checker, then a weighted total."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..result import CheckResult
from .variant import Variant


@dataclass(frozen=True)
class VariantResult:
    """Per-part results and the weighted score; unanswered parts score 0."""

    parts: dict[str, CheckResult]
    score: float

    @property
    def correct(self) -> bool:
        return all(result.correct for result in self.parts.values())

    def to_dict(self) -> dict[str, Any]:
        return {"score": self.score, "correct": self.correct,
                "parts": {name: r.to_dict() for name, r in self.parts.items()}}


def grade_variant(variant: Variant, answers: Mapping[str, object]) -> VariantResult:
    """Check every part's answer (``answers`` maps part names to the learner's text)."""
    if unknown := set(answers) - {p.name for p in variant.parts}:
        raise KeyError(f"no such parts: {', '.join(sorted(unknown))}")
    results: dict[str, CheckResult] = {}
    for part in variant.parts:
        text = answers.get(part.name)
        results[part.name] = (CheckResult.invalid("No answer was given for this part.")
                              if text is None or text == "" else part.check(text))
    total = sum(p.weight for p in variant.parts)
    score = sum(p.weight * results[p.name].score for p in variant.parts) / total
    return VariantResult(results, score)
