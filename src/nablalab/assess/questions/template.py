"""A question template: metadata for the registry, and ``generate(seed)`` -> Variant."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .distinct import distinct_mistakes
from .randomness import Rng
from .variant import Question, Variant


class TemplateError(ValueError):
    """A template built a malformed question (an author's bug, not a learner's)."""


@dataclass(frozen=True)
class Template:
    """``build`` draws parameters from the ``Rng`` and returns a ``Question``.

    ``module`` is the course module (1-6, or 0 for "beyond the course"); ``quizzes`` are the
    course quizzes it serves (ids in ``nablalab.assess.questions.quizzes``); ``skills`` are
    tags for adaptive practice; ``topic`` groups templates in menus.
    """

    slug: str
    title: str
    module: int
    topic: str
    quizzes: tuple[str, ...]
    skills: tuple[str, ...]
    build: Callable[[Rng], Question]

    def generate(self, seed: int) -> Variant:
        question = self.build(Rng(self.slug, seed))
        names = [part.name for part in question.parts]
        if not names or len(set(names)) != len(names):
            raise TemplateError(f"{self.slug}: parts need distinct names, got {names}")
        parts = tuple(dataclasses.replace(p, mistakes=distinct_mistakes(p))
                      for p in question.parts)
        return Variant(self.slug, seed, self.title, question.prompt, parts, question.solution,
                       question.hints, question.parameters)

    def to_dict(self) -> dict[str, Any]:
        return {"slug": self.slug, "title": self.title, "module": self.module,
                "topic": self.topic, "quizzes": list(self.quizzes), "skills": list(self.skills)}
