"""The version of the reviews that cached course-page fragments are keyed by.

Any save or delete of a review (writing, editing, featuring, hiding, deleting an account),
and renaming a reviewer, writes a new token in the same transaction as the change: a reader
either sees the old token with the old reviews or the new token with the new ones, in every
process on every app server, since the token is read from the database on each request.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import connection
from django.db.models import Model
from django.db.models.signals import post_delete, post_save

from nablalab.web.reviews.models import Review, ReviewsVersion

INITIAL = "initial"
SINGLE_ROW = 1
_READ_TOKEN = (f"SELECT token FROM {ReviewsVersion._meta.db_table} "
               "WHERE id = %s")
# What a review shows of its author (Review.display_name, Review.initials).
AUTHOR_FIELDS = frozenset({"username", "first_name", "last_name"})


def reviews_version() -> str:
    """The current token: one primary-key read of a one-row table, in plain SQL because it
    runs on every view of the course page, where building the ORM query cost more than it."""
    with connection.cursor() as cursor:
        cursor.execute(_READ_TOKEN, [SINGLE_ROW])
        row = cursor.fetchone()
    return row[0] if row else INITIAL


def bump_reviews_version() -> None:
    ReviewsVersion.objects.update_or_create(pk=SINGLE_ROW,
                                            defaults={"token": uuid.uuid4().hex})


def _review_changed(**_kwargs: object) -> None:
    bump_reviews_version()


def _user_saved(instance: Model, created: bool, update_fields: frozenset[str] | None,
                **_kwargs: object) -> None:
    """A reviewer's new name shows on their reviews; a login (last_login only) changes nothing."""
    if created or (update_fields is not None and not AUTHOR_FIELDS & set(update_fields)):
        return
    if Review.objects.filter(author=instance).exists():
        bump_reviews_version()


def connect() -> None:
    """Called once from the app's ready(), when the user model can be resolved."""
    post_save.connect(_review_changed, sender=Review, dispatch_uid="reviews-version-save")
    post_delete.connect(_review_changed, sender=Review, dispatch_uid="reviews-version-delete")
    post_save.connect(_user_saved, sender=settings.AUTH_USER_MODEL,
                      dispatch_uid="reviews-version-author")
