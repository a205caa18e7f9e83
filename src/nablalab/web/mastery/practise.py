"""The "practise now" session: the question being asked (template, seed, why) lives in the
learner's session, so the answer is checked against the variant that was shown, never one
the browser names."""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, field
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from nablalab.adaptive import next_question
from nablalab.assess.questions import Variant
from nablalab.assess.questions.pool import POOL
from nablalab.assess.questions.pool import cached_variant as generate
from nablalab.web.mastery.store import load_profile

SESSION_KEY = "mastery_practise"
RECENT = 3  # templates not repeated within this many questions, when others exist


@dataclass
class Current:
    """The question on the page; ``results`` and ``changes`` once it is answered."""

    template: str
    seed: int
    skill: str
    reason: str
    drafts: dict[str, str] = field(default_factory=dict)
    results: dict[str, Any] | None = None
    changes: list[dict[str, Any]] = field(default_factory=list)
    recent: list[str] = field(default_factory=list)

    @property
    def submitted(self) -> bool:
        """What the quiz question partial reads to lock the answer boxes."""
        return self.results is not None

    @property
    def variant(self) -> Variant:
        return generate(self.template, self.seed)


def current(request: HttpRequest) -> Current | None:
    stored = request.session.get(SESSION_KEY)
    return Current(**stored) if stored else None


def save(request: HttpRequest, question: Current) -> None:
    request.session[SESSION_KEY] = asdict(question)


def choose_next(request: HttpRequest) -> Current:
    """A fresh question for the learner's weakest due skill, remembered in the session."""
    before = current(request)
    recent = ([*before.recent, before.template][-RECENT:] if before else [])
    pick = next_question(load_profile(request.user), timezone.now(), random.SystemRandom(),
                         avoid=recent)
    pooled = POOL.take(pick.template)  # generated earlier, with its own fresh seed
    question = Current(pick.template, pooled.seed if pooled else pick.seed, pick.target.skill,
                       pick.target.reason, recent=recent)
    save(request, question)
    return question
