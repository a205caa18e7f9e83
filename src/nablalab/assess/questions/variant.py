"""A generated question: what the learner sees, and (privately) how it is answered."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .parts import Part
from .solution import Solution


@dataclass(frozen=True)
class Question:
    """What a template's ``build`` returns; the framework adds slug, seed and checks."""

    prompt: str
    parts: tuple[Part, ...]
    solution: Solution
    hints: tuple[str, ...] = ()
    parameters: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Variant:
    """One instance of a template. ``to_dict()`` is the public view (no answers, hints or
    solution); ``to_dict(reveal=True)`` adds them, for the grader and after answering."""

    slug: str
    seed: int
    title: str
    prompt: str
    parts: tuple[Part, ...]
    solution: Solution
    hints: tuple[str, ...]
    parameters: dict[str, Any]

    def part(self, name: str) -> Part:
        for part in self.parts:
            if part.name == name:
                return part
        raise KeyError(f"this question has no part {name!r}; its parts are "
                       f"{', '.join(p.name for p in self.parts)}")

    @property
    def solution_markdown(self) -> str:
        return self.solution.markdown(self.parts)

    def to_dict(self, reveal: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "slug": self.slug, "seed": self.seed, "title": self.title, "prompt": self.prompt,
            "parts": [part.to_dict(reveal) for part in self.parts],
            "hint_count": len(self.hints),
        }
        if reveal:
            data["parameters"] = {k: str(v) for k, v in self.parameters.items()}
            data["hints"] = list(self.hints)
            data["solution"] = self.solution.to_dict(self.parts)
        return data
