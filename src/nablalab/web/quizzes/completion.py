"""Course completion: every graded quiz and programming assignment at the pass mark or
better (best attempt, or best graded submission, counts).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from nablalab.web.catalog.models import Course, ModuleItem
from nablalab.web.quizzes.catalogue import PASS_MARK
from nablalab.web.quizzes.models import Attempt
from nablalab.web.submissions.scores import best_scores

GRADED_KINDS = ("graded-quiz", "assignment")  # what completion counts
MAX_GRADED_ATTEMPTS = 3          # submitted attempts per quiz ...
ATTEMPT_WINDOW = timedelta(hours=8)  # ... within any 8 hours


@dataclass(frozen=True)
class Standing:
    item: ModuleItem
    best: float | None

    @property
    def passed(self) -> bool:
        return self.best is not None and self.best >= PASS_MARK

    @property
    def percent(self) -> int | None:
        return None if self.best is None else round(100 * self.best)

    @property
    def url(self) -> str:
        """Where the learner works on it: the quiz, or the assignment's activity page."""
        if self.item.kind == "assignment":
            return self.item.get_absolute_url()
        return reverse("quizzes:quiz", args=[self.item.module.slug, self.item.slug])


def graded_standings(learner: object, course: Course) -> list[Standing]:
    items = list(ModuleItem.objects.filter(module__course=course, kind__in=GRADED_KINDS)
                 .select_related("module"))
    best = dict(Attempt.objects.filter(learner=learner, graded=True, item__in=items,
                                       submitted_at__isnull=False)
                .values("item").annotate(best=Max("score")).values_list("item", "best"))
    best.update(best_scores(learner, items))
    return [Standing(item, best.get(item.pk)) for item in items]


def course_passed(standings: list[Standing]) -> bool:
    return bool(standings) and all(s.passed for s in standings)


def overall(standings: list[Standing]) -> float:
    return sum(s.best or 0.0 for s in standings) / len(standings) if standings else 0.0


def next_attempt_at(learner: object, item: ModuleItem) -> datetime | None:
    """None when an attempt may start now; else when the oldest recent one leaves the window."""
    since = timezone.now() - ATTEMPT_WINDOW
    recent = list(Attempt.objects.filter(learner=learner, item=item, graded=True,
                                         submitted_at__gte=since)
                  .order_by("submitted_at").values_list("submitted_at", flat=True))
    if len(recent) < MAX_GRADED_ATTEMPTS:
        return None
    return recent[-MAX_GRADED_ATTEMPTS] + ATTEMPT_WINDOW
