"""How long the course takes: each lesson's own estimate plus a fixed time per activity
(``nablalab.course.ItemKind.minutes``), for the course's modules and, apart, for the
modules beyond the course."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Sum

from nablalab.course import ItemKind
from nablalab.web.catalog.models import Course, Lesson, ModuleItem


@dataclass(frozen=True)
class Duration:
    lesson_minutes: int
    activity_minutes: int

    @property
    def minutes(self) -> int:
        return self.lesson_minutes + self.activity_minutes

    @property
    def hours(self) -> int:
        """Rounded to the nearest hour (at least 1 for any content at all)."""
        return max(round(self.minutes / 60), 1 if self.minutes else 0)


def course_duration(course: Course, *, extra: bool = False) -> Duration:
    """The time for the course's own modules (``extra=False``) or for those beyond it."""
    lessons = Lesson.objects.filter(module__course=course, module__extra=extra)
    items = (ModuleItem.objects.filter(module__course=course, module__extra=extra)
             .values("kind").annotate(count=Count("id")))
    return Duration(
        lesson_minutes=lessons.aggregate(total=Sum("minutes"))["total"] or 0,
        activity_minutes=sum(ItemKind(row["kind"]).minutes * row["count"] for row in items))
