"""Best assignment scores, for course completion (``nablalab.web.quizzes.completion``) and the
instructors' learner table (``nablalab.web.analytics``): one grouped query either way."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Max, QuerySet

from nablalab.web.catalog.models import ModuleItem
from nablalab.web.submissions.items import assignment_for
from nablalab.web.submissions.models import Status, Submission


def best_scores_by_learner(learners: QuerySet | Iterable[object],
                           items: Iterable[ModuleItem]) -> dict[tuple[int, int], float]:
    """(learner pk, item pk) -> the learner's best graded score (0 to 1) on the item's
    assignment; items that are not assignments are left out."""
    names = {name: item.pk for item in items if (name := assignment_for(item))}
    if not names:
        return {}
    best = (Submission.objects.filter(learner__in=learners, status=Status.GRADED,
                                      assignment__in=names)
            .values("learner", "assignment").annotate(best=Max("score")).order_by())
    return {(row["learner"], names[row["assignment"]]): row["best"] for row in best}


def best_scores(learner: object, items: Iterable[ModuleItem]) -> dict[int, float]:
    """Item pk -> ``learner``'s best graded score on the item's assignment."""
    if not getattr(learner, "is_authenticated", False):
        return {}
    return {item: best for (_, item), best in best_scores_by_learner([learner], items).items()}
