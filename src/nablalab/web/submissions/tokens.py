"""API tokens for the command line: random, shown once, stored only as a SHA-256 digest.

A token is 32 random bytes (URL-safe text), so a plain hash is enough: nothing to brute-force.
"""

from __future__ import annotations

import hashlib
import secrets

from django.utils import timezone

from nablalab.web.submissions.models import ApiToken

TOKEN_PREFIX = "nl_"
MAX_TOKENS = 10


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create(learner: object, name: str) -> tuple[ApiToken, str]:
    """A new token for ``learner``: the row, and the token text to show exactly once."""
    text = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken.objects.create(learner=learner, name=name.strip()[:60] or "command line",
                                  prefix=text[:10], digest=digest(text))
    return row, text


def learner_for(token: str) -> object | None:
    """The learner a token belongs to (its last use noted), or None."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 100:
        return None
    row = ApiToken.objects.select_related("learner").filter(digest=digest(token)).first()
    if row is None or not row.learner.is_active:
        return None
    ApiToken.objects.filter(pk=row.pk).update(last_used_at=timezone.now())
    return row.learner
