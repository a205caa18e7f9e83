"""The worked solution: Markdown steps (built from the step engines) ending in the answer."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .parts import Part, Value, answer_latex, typed


@dataclass(frozen=True)
class Solution:
    """``steps`` are Markdown paragraphs; ``final`` maps each part to the value the engine
    derived, so a test can hold the solution's last line against the reference answer."""

    steps: tuple[str, ...]
    final: Mapping[str, Value] = field(default_factory=dict)

    def markdown(self, parts: Sequence[Part]) -> str:
        """The steps, then one closing line per part: the answer they arrive at."""
        closing = [self.answer_line(part) for part in parts]
        return "\n\n".join([*self.steps, *closing])

    def answer_line(self, part: Part) -> str:
        value = self.final.get(part.name, part.answer)
        label = f" ({part.label.rstrip(':')})" if part.label else ""
        return f"**Answer{label}:** ${answer_latex(part.kind, value)}$"

    def final_text(self, part: Part) -> str:
        return typed(part.kind, self.final.get(part.name, part.answer))

    def to_dict(self, parts: Sequence[Part]) -> dict[str, Any]:
        return {"steps": list(self.steps), "markdown": self.markdown(parts),
                "final": {p.name: self.final_text(p) for p in parts}}
