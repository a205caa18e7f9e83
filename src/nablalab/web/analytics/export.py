"""The analytics tables as CSV downloads. Learner-typed text ends up in spreadsheets, so any
cell a spreadsheet would read as a formula is prefixed with a quote (CSV injection)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from django.utils import timezone

from nablalab.web.analytics.learner_table import LearnerTable
from nablalab.web.analytics.question_stats import QuestionStats

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | None


def safe_cell(value: Cell) -> Cell:
    """Text a spreadsheet would evaluate gets a leading quote; numbers pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_response(name: str, header: Sequence[str], rows: Iterable[Sequence[Cell]]
                 ) -> HttpResponse:
    stamp = timezone.now().strftime("%Y-%m-%d")
    response = HttpResponse(content_type="text/csv; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="nablalab-{name}-{stamp}.csv"'})
    writer = csv.writer(response)
    writer.writerow(header)
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return response


def questions_csv(stats: Iterable[QuestionStats]) -> HttpResponse:
    header = ("template", "part", "attempts", "correct", "success_rate", "mean_score",
              "common_wrong_answers", "common_mistakes")
    rows = ((s.template, s.part, s.attempts, s.correct, round(s.success_rate, 4),
             round(s.mean_score, 4),
             "; ".join(f"{text} ({n})" for text, n in s.wrong_answers),
             "; ".join(f"{m.diagnosis}: {m.feedback} ({m.count})" for m in s.mistakes))
            for s in stats)
    return csv_response("questions", header, rows)


def learners_csv(table: LearnerTable) -> HttpResponse:
    header = ("learner", "enrolled", "lessons_completed", "lessons_total",
              *(f"best: {quiz.title}" for quiz in table.quizzes), "passed", "last_activity")
    rows = ((row.learner, row.enrolled_at.isoformat(), row.lessons_done, table.lessons_total,
             *(s.best if s.best is not None else "" for s in row.standings),
             "yes" if row.passed else "no", row.last_activity.isoformat())
            for row in table.rows)
    return csv_response("learners", header, rows)
