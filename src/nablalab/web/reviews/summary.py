"""The rating summary on the course page, computed from the visible reviews only."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count

from nablalab.web.catalog.models import Course
from nablalab.web.reviews.models import STARS, Review


@dataclass(frozen=True)
class StarBar:
    stars: int
    count: int
    percent: int


@dataclass(frozen=True)
class RatingSummary:
    count: int
    average: float | None
    bars: tuple[StarBar, ...]


def rating_summary(course: Course) -> RatingSummary:
    # order_by() drops the default ordering, which would otherwise split the groups.
    counts = dict(Review.objects.filter(course=course).visible().order_by()
                  .values("stars").annotate(n=Count("id")).values_list("stars", "n"))
    total = sum(counts.values())
    average = (round(sum(s * n for s, n in counts.items()) / total, 1) if total else None)
    bars = tuple(
        StarBar(stars, counts.get(stars, 0),
                round(100 * counts.get(stars, 0) / total) if total else 0)
        for stars in reversed(STARS)
    )
    return RatingSummary(total, average, bars)
