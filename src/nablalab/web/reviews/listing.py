"""All visible reviews, newest first, filtered by stars and paginated, as the list shows them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from nablalab.web.catalog.models import Course
from nablalab.web.reviews.models import STARS, Review

PER_PAGE = 10
REVIEW_FIELDS = ("stars", "text", "created_at", "is_featured", "is_hidden",
                 "author__username", "author__first_name", "author__last_name")


@dataclass(frozen=True)
class ReviewListing:
    page: Page
    stars: int | None
    total: int

    @property
    def star_choices(self) -> list[int]:
        return list(reversed(STARS))

    @property
    def previous_query(self) -> str | None:
        return self._query(self.page.previous_page_number()) if self.page.has_previous() else None

    @property
    def next_query(self) -> str | None:
        return self._query(self.page.next_page_number()) if self.page.has_next() else None

    def _query(self, number: int) -> str:
        """The query string of another page of the same filter."""
        return urlencode({"page": number, **({"stars": self.stars} if self.stars else {})})


def review_listing(course: Course, query: Mapping[str, str]) -> ReviewListing:
    """``query`` is the request's GET: ``stars`` (1–5, anything else means all) and ``page``."""
    reviews = shown_reviews(course)
    stars = _stars(query.get("stars"))
    if stars is not None:
        reviews = reviews.filter(stars=stars)
    page = Paginator(reviews, PER_PAGE).get_page(query.get("page"))
    total = page.paginator.count if stars is None else shown_reviews(course).count()
    return ReviewListing(page=page, stars=stars, total=total)


def shown_reviews(course: Course) -> QuerySet[Review]:
    """The visible reviews with only what a review card shows of its author (no password
    hash or e-mail fetched for every card)."""
    return (Review.objects.filter(course=course).visible().select_related("author")
            .only(*REVIEW_FIELDS))


def is_first_page_of_all(query: Mapping[str, str]) -> bool:
    """Whether ``query`` asks for the listing a visitor first sees (all stars, page 1): the
    one the course page shares between visitors; other queries keep it uncached."""
    return _stars(query.get("stars")) is None and query.get("page") in (None, "1")


def _stars(raw: str | None) -> int | None:
    if raw is not None and raw.isdigit() and int(raw) in STARS:
        return int(raw)
    return None
