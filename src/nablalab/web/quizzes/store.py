"""Where attempts live: signed-in learners' in the database, a visitor's practice attempts in
their session (nothing of a visitor's is written to the database)."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from django.http import Http404, HttpRequest
from django.utils import timezone

from nablalab.assess.questions.pool import POOL
from nablalab.web.catalog.models import ModuleItem
from nablalab.web.quizzes.catalogue import draw_questions, graded_seed, quiz_id_for
from nablalab.web.quizzes.models import Attempt

SESSION_KEY = "quiz_practice"
GUEST_KEEP = 20  # practice attempts a visitor's session keeps (oldest dropped first)


@dataclass
class GuestAttempt:
    """A visitor's practice attempt, shaped like ``Attempt`` so views treat both alike."""

    public_id: str
    item_id: int
    quiz_id: str
    questions: list[dict[str, Any]]
    drafts: dict[str, str] = field(default_factory=dict)
    results: dict[str, Any] | None = None
    score: float | None = None
    submitted_at: str | None = None
    graded = False
    number = 1

    @property
    def submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def item(self) -> ModuleItem:
        return ModuleItem.objects.select_related("module").get(pk=self.item_id)


def new_practice(request: HttpRequest, item: ModuleItem) -> Attempt | GuestAttempt:
    """A practice attempt with fresh seeds, each time different (pre-generated variants
    from the pool when it has them, so the attempt page finds them ready)."""
    quiz_id = quiz_id_for(item.slug)
    questions = draw_questions(quiz_id, secrets.randbits(31), pooled=POOL.take)
    if request.user.is_authenticated:
        number = Attempt.objects.filter(learner=request.user, item=item).count() + 1
        return Attempt.objects.create(learner=request.user, item=item, quiz_id=quiz_id,
                                      graded=False, number=number, questions=questions)
    attempt = GuestAttempt(str(uuid.uuid4()), item.pk, quiz_id, questions)
    kept = dict(list(request.session.get(SESSION_KEY, {}).items())[-(GUEST_KEEP - 1):])
    request.session[SESSION_KEY] = {**kept, attempt.public_id: asdict(attempt)}
    return attempt


def new_graded(learner: Any, item: ModuleItem, number: int) -> Attempt:
    quiz_id = quiz_id_for(item.slug)
    return Attempt.objects.create(
        learner=learner, item=item, quiz_id=quiz_id, graded=True, number=number,
        questions=draw_questions(quiz_id, graded_seed(learner.pk, quiz_id, number)))


def find_attempt(request: HttpRequest, public_id: uuid.UUID) -> Attempt | GuestAttempt:
    """The attempt if it is this learner's (or in this visitor's session); 404 otherwise."""
    if request.user.is_authenticated:
        attempt = (Attempt.objects.select_related("item__module")
                   .filter(public_id=public_id, learner=request.user).first())
    else:
        stored = request.session.get(SESSION_KEY, {}).get(str(public_id))
        attempt = GuestAttempt(**stored) if stored else None
    if attempt is None:
        raise Http404("There is no such attempt among yours.")
    return attempt


def save(request: HttpRequest, attempt: Attempt | GuestAttempt) -> None:
    if isinstance(attempt, Attempt):
        attempt.save()
        return
    stored = request.session.get(SESSION_KEY, {})
    stored[attempt.public_id] = asdict(attempt)
    request.session[SESSION_KEY] = stored


def mark_submitted(attempt: Attempt | GuestAttempt) -> None:
    now: datetime = timezone.now()
    attempt.submitted_at = now if isinstance(attempt, Attempt) else now.isoformat()
