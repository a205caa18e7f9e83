"""Everything the site holds about one learner, as JSON they can download, and the deletion
of all of it. Rows are found through every relation that points at the user, so a new app's
models are included without changes here."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.core import serializers

# Never exported: credentials, and secrets derived from them.
WITHHELD_FIELDS = ("password", "token_hash", "digest", "secret")


def export(user: User) -> dict[str, Any]:
    account = {name: getattr(user, name) for name in (
        "username", "email", "first_name", "last_name", "date_joined", "last_login")}
    tables: dict[str, list[dict[str, Any]]] = {}
    for relation in user._meta.related_objects:
        if not relation.one_to_many and not relation.one_to_one:
            continue
        rows = relation.related_model._default_manager.filter(**{relation.field.name: user})
        if relation.related_model._meta.app_label in ("admin", "auth"):
            continue  # staff audit log and permissions: not the learner's own data
        serialised = serializers.serialize("python", rows)
        if serialised:
            label = relation.related_model._meta.label_lower
            tables.setdefault(label, []).extend(
                {"id": row["pk"], **{k: v for k, v in row["fields"].items()
                                     if not any(word in k for word in WITHHELD_FIELDS)}}
                for row in serialised)
    return {"account": account, "data": tables}


def delete(user: User) -> dict[str, int]:
    """Delete the account and every row that belongs to it; counts by model, for the record."""
    _, counts = user.delete()
    return counts
