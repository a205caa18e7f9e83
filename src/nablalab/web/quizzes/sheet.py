"""An attempt's questions as the page shows them, and grading them all at once.

Answers are keyed by form field (``q<index>-<part>``), so drafts, results and the form share
one naming. Before submission only the public view of a variant reaches the page; answers,
hints and the worked solution are added once the attempt is graded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import QueryDict

from nablalab.assess.questions import Variant, grade_variant
from nablalab.assess.questions.pool import cached_variant
from nablalab.course.markdown import render_markdown
from nablalab.web.quizzes.models import ANSWER_TEXT

PREVIEW_KINDS = frozenset({"expression", "antiderivative", "number", "vector", "matrix",
                           "points", "equation"})


class AnswerTooLong(ValueError):
    """An answer longer than any real one: refused before it is stored or checked."""


def variants(questions: Sequence[Mapping[str, Any]]) -> list[Variant]:
    """The attempt's variants; each page view and check after the first reuses them."""
    return [cached_variant(q["slug"], int(q["seed"])) for q in questions]


def field_name(index: int, part_name: str) -> str:
    return f"q{index}-{part_name}"


def field_names(drawn: Sequence[Variant]) -> list[str]:
    return [field_name(i, p.name) for i, v in enumerate(drawn) for p in v.parts]


def read_answers(drawn: Sequence[Variant], data: QueryDict) -> dict[str, str]:
    """The typed answers in a POST (several ticked boxes join as "a, c"); too long refuses."""
    answers: dict[str, str] = {}
    for name in field_names(drawn):
        text = ", ".join(v.strip() for v in data.getlist(name) if v.strip())
        if len(text) > ANSWER_TEXT:
            raise AnswerTooLong(f"An answer is {len(text)} characters long; at most "
                                f"{ANSWER_TEXT} are accepted. Shorten it and try again.")
        if text:
            answers[name] = text
    return answers


@dataclass(frozen=True)
class Graded:
    """Per-field results (``CheckResult.to_dict()`` plus the text), the score, and the
    answers that could not be read at all (field -> message): those cost no attempt."""

    results: dict[str, dict[str, Any]]
    score: float
    unreadable: dict[str, str]


def grade(drawn: Sequence[Variant], answers: Mapping[str, str]) -> Graded:
    results: dict[str, dict[str, Any]] = {}
    unreadable: dict[str, str] = {}
    scores = []
    for index, variant in enumerate(drawn):
        typed = {p.name: answers.get(field_name(index, p.name), "") for p in variant.parts}
        outcome = grade_variant(variant, typed)
        scores.append(outcome.score)
        for part_name, result in outcome.parts.items():
            name = field_name(index, part_name)
            results[name] = {**result.to_dict(), "text": typed[part_name]}
            if typed[part_name] and not result.valid:
                unreadable[name] = _message(result.feedback, result.error)
    return Graded(results, sum(scores) / len(scores), unreadable)


def _message(feedback: str, error: Mapping[str, Any] | None) -> str:
    if not error:
        return feedback
    where = f" (at character {error['position'] + 1})" if error.get("position") is not None \
        else ""
    hint = f" {error['hint']}" if error.get("hint") else ""
    return f"{feedback}{where}.{hint}".replace("..", ".")


def page_questions(drawn: Sequence[Variant], values: Mapping[str, str],
                   results: Mapping[str, Mapping[str, Any]] | None,
                   problems: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """What the template renders; hints, answers and solutions only when ``results`` exist."""
    problems = problems or {}
    shown = []
    for index, variant in enumerate(drawn):
        boxes = []
        for part in variant.parts:
            name = field_name(index, part.name)
            value = values.get(name, "")
            box: dict[str, Any] = {
                "field": name, "kind": part.kind, "value": value,
                "label_html": render_markdown(part.label) if part.label else "",
                "variables": ", ".join(part.variables or ()),
                "preview": part.kind in PREVIEW_KINDS,
                "multiple": part.kind == "choice" and not isinstance(part.answer, str),
                "choices": [{"key": c.key, "label_html": render_markdown(c.label),
                             "checked": c.key in {k.strip() for k in value.split(",")}}
                            for c in part.choices],
                "problem": problems.get(name, ""),
            }
            if results is not None:
                revealed = part.to_dict(reveal=True)
                box["result"] = results.get(name)
                box["answer_latex"] = revealed["answer_latex"]
            boxes.append(box)
        question: dict[str, Any] = {"number": index + 1, "title": variant.title,
                                    "prompt_html": render_markdown(variant.prompt),
                                    "boxes": boxes}
        if results is not None:
            question["hints_html"] = [render_markdown(h) for h in variant.hints]
            question["solution_html"] = render_markdown(variant.solution_markdown)
            question["score"] = _question_score(variant, index, results)
        shown.append(question)
    return shown


def _question_score(variant: Variant, index: int,
                    results: Mapping[str, Mapping[str, Any]]) -> int:
    total = sum(p.weight for p in variant.parts)
    got = sum(p.weight * results.get(field_name(index, p.name), {}).get("score", 0.0)
              for p in variant.parts)
    return round(100 * got / total)
