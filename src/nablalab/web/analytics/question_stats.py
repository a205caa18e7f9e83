"""How each question part fares across every recorded answer: three grouped queries however
many answers there are, merged here in Python.

Wrong answers are grouped by their text with spacing normalised, so "2 x" and "2x" count as
one. Mistakes are grouped by diagnosis; a declared mistake is kept apart per feedback text,
since each is a different error the author foresaw.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Avg, Count, Q

from nablalab.assess.result import Diagnosis
from nablalab.web.quizzes.models import GradedAnswer

TOP = 5  # wrong answers and mistakes listed per question part
BLANK = "(blank)"
SORTS = {  # ?sort= value -> (key, descending)
    "-attempts": ("attempts", True),
    "attempts": ("attempts", False),
    "success": ("success_rate", False),
    "-success": ("success_rate", True),
}
DEFAULT_SORT = "-attempts"
_AROUND_SYMBOLS = re.compile(r"\s*([-+*/^(),=\[\]])\s*")

Key = tuple[str, str]  # (template slug, part name)


@dataclass(frozen=True)
class Mistake:
    diagnosis: str
    feedback: str  # the commonest feedback shown for it
    count: int


@dataclass(frozen=True)
class QuestionStats:
    template: str
    part: str
    attempts: int
    correct: int
    mean_score: float
    wrong_answers: tuple[tuple[str, int], ...]
    mistakes: tuple[Mistake, ...]

    @property
    def success_rate(self) -> float:
        return self.correct / self.attempts if self.attempts else 0.0


def normalise(text: str) -> str:
    """One spelling per answer: runs of spaces collapsed, none around operators."""
    return _AROUND_SYMBOLS.sub(r"\1", " ".join(text.split())) or BLANK


def question_stats(sort: str = DEFAULT_SORT) -> list[QuestionStats]:
    totals = (GradedAnswer.objects.values("template", "part")
              .annotate(attempts=Count("id"), correct=Count("id", filter=Q(correct=True)),
                        mean_score=Avg("score"))
              .order_by("template", "part"))
    wrong = _wrong_answers()
    mistakes = _mistakes()
    rows = [QuestionStats(row["template"], row["part"], row["attempts"], row["correct"],
                          row["mean_score"] or 0.0,
                          tuple(wrong[row["template"], row["part"]].most_common(TOP)),
                          mistakes.get((row["template"], row["part"]), ()))
            for row in totals]
    key, descending = SORTS.get(sort, SORTS[DEFAULT_SORT])
    return sorted(rows, key=lambda row: getattr(row, key), reverse=descending)


def _wrong_answers() -> defaultdict[Key, Counter[str]]:
    grouped = (GradedAnswer.objects.filter(correct=False)
               .values("template", "part", "text").annotate(n=Count("id"))
               .order_by())
    counts: defaultdict[Key, Counter[str]] = defaultdict(Counter)
    for row in grouped:
        counts[row["template"], row["part"]][normalise(row["text"])] += row["n"]
    return counts


def _mistakes() -> dict[Key, tuple[Mistake, ...]]:
    grouped = (GradedAnswer.objects.filter(correct=False)
               .exclude(diagnosis=Diagnosis.CORRECT)
               .values("template", "part", "diagnosis", "feedback").annotate(n=Count("id"))
               .order_by("-n", "diagnosis", "feedback"))
    counts: defaultdict[Key, Counter[tuple[str, str]]] = defaultdict(Counter)
    shown: dict[tuple[Key, str, str], str] = {}
    for row in grouped:  # commonest first, so the first feedback seen is the one shown
        kind = row["feedback"] if row["diagnosis"] == Diagnosis.DECLARED_MISTAKE else ""
        key = (row["template"], row["part"])
        counts[key][row["diagnosis"], kind] += row["n"]
        shown.setdefault((key, row["diagnosis"], kind), row["feedback"])
    return {key: tuple(Mistake(diagnosis, shown[key, diagnosis, kind], n)
                       for (diagnosis, kind), n in counter.most_common(TOP))
            for key, counter in counts.items()}
