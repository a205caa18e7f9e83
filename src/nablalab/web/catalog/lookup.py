"""Finding the course this site serves (one course per site, synced from ``content/``), and
the version of its content that cached pages are keyed by.

Each server process caches pages in its own memory, so the version lives in a file in the
data dir that every process reads: any save or delete of a catalog row (what ``sync_course``
does when the content changed) writes a new version once the transaction commits, and every
process then misses its old entries. Reading the file costs microseconds, far less than one
database query.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import Http404

from nablalab.web.catalog.models import Course, Lesson, Module, ModuleItem

CONTENT_VERSION_FILE = "content-version"
CATALOG_MODELS = (Course, Module, Lesson, ModuleItem)


def site_course() -> Course:
    course = Course.objects.order_by("id").first()
    if course is None:
        raise Http404("No course has been loaded yet: run `nablalab serve`, which loads it.")
    return course


def content_version() -> str:
    """A token that changes whenever the catalog changes ("initial" before any change)."""
    try:
        return _version_path().read_text(encoding="ascii").strip() or "initial"
    except FileNotFoundError:
        return "initial"


def bump_content_version() -> None:
    """Give the content a new version (replacing the file whole, so no reader sees half)."""
    path = _version_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    partial.write_text(uuid.uuid4().hex, encoding="ascii")
    partial.replace(path)


def _version_path() -> Path:
    return Path(settings.DATA_DIR) / CONTENT_VERSION_FILE


def _catalog_changed(**_kwargs: object) -> None:
    # After commit: a page rebuilt before then would show the old rows under the new version.
    transaction.on_commit(bump_content_version)


for _model in CATALOG_MODELS:
    post_save.connect(_catalog_changed, sender=_model, dispatch_uid=f"version-{_model.__name__}")
    post_delete.connect(_catalog_changed, sender=_model,
                        dispatch_uid=f"version-delete-{_model.__name__}")
