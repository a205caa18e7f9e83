"""The fresh-variant pool in the web app: started in each server worker after the fork
(``nablalab serve`` calls ``start_pool`` from gunicorn's ``post_fork`` hook), told by
Django's request signals when requests are in progress so its refills run between them.

Pooled variants are generated per process and never before the fork: two workers sharing
one would serve the same "fresh" question twice. Once warm, the worker's objects so far
(modules, content, SymPy's caches, the variants) are moved out of the garbage collector's
sight (``gc.freeze``): they live as long as the process, and scanning them made each full
collection pause a request for most of a second. ``VARIANT_POOL = False`` (environment
``NABLALAB_VARIANT_POOL=0``) keeps the pool stopped; pages then generate each variant
when it is first shown, with the planner's or the quiz draw's seed, as the tests expect.
"""

from __future__ import annotations

import gc
from typing import Any

from django.conf import settings
from django.core.signals import request_finished, request_started

from nablalab.assess.questions import all_templates
from nablalab.assess.questions.pool import POOL
from nablalab.web.quizzes.catalogue import ITEM_QUIZZES, question_count, templates_for


def pool_enabled() -> bool:
    return bool(getattr(settings, "VARIANT_POOL", True))


def start_pool() -> bool:
    """Warm every template's pool in a background thread; returns at once. False when the
    setting turns the pool off."""
    if not pool_enabled():
        return False
    request_started.connect(_hold, dispatch_uid="nablalab-variant-pool-hold")
    request_finished.connect(_release, dispatch_uid="nablalab-variant-pool-release")
    POOL.start((template.slug for template in all_templates()), sizes=pool_sizes(),
               when_warm=gc.freeze)
    return True


def pool_sizes() -> dict[str, int]:
    """Templates a practice quiz asks more often than the pool's default (a quiz with one
    template asks it five times) keep that many ready, so a whole quiz comes from the pool."""
    sizes: dict[str, int] = {}
    for quiz_id in set(ITEM_QUIZZES.values()):
        templates = templates_for(quiz_id)
        asked = -(-question_count(quiz_id) // len(templates))  # at most, per template
        for template in templates:
            sizes[template.slug] = max(sizes.get(template.slug, POOL.per_template), asked)
    return sizes


def _hold(**_kwargs: Any) -> None:
    POOL.hold()


def _release(**_kwargs: Any) -> None:
    POOL.release()
