"""Reviews written by enrolled learners; only real ones exist (none are shipped with the app)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from nablalab.web.catalog.models import Course

MAX_REVIEW_LENGTH = 2000
STARS = range(1, 6)


class ReviewQuerySet(models.QuerySet):
    def visible(self) -> ReviewQuerySet:
        return self.filter(is_hidden=False)


class Review(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="reviews")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="reviews")
    stars = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)])
    text = models.TextField(max_length=MAX_REVIEW_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    is_featured = models.BooleanField(default=False, help_text="Shown on the course page.")
    is_hidden = models.BooleanField(default=False, help_text="Hidden from everyone but staff.")

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ("-created_at", "-id")
        constraints = (
            models.UniqueConstraint(fields=["course", "author"], name="one_review_per_learner"),
            models.CheckConstraint(condition=models.Q(stars__gte=1, stars__lte=5),
                                   name="stars_one_to_five"),
        )

    def __str__(self) -> str:
        return f"{self.stars}★ by {self.author}"

    @property
    def initials(self) -> str:
        """What the page shows beside a review, as on the course page it models."""
        name = self.author.get_full_name() or self.author.get_username()
        return "".join(part[0] for part in name.split()[:2]).upper() or "?"

    @property
    def display_name(self) -> str:
        return self.author.get_full_name() or self.author.get_username()


class ReviewsVersion(models.Model):
    """One row whose token changes with every change to what the course page shows of reviews.

    Cached review fragments are keyed by it. It lives in the database, not in a process or a
    file, so that every server process on every app server reads the same token; a fresh
    random token (not a counter) means a version written by a transaction that rolled back
    is never issued again, so no page cached under it can ever come back.
    """

    token = models.CharField(max_length=32)
