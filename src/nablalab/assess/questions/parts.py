"""One answer box of a question: its kind, the reference answer, checking options and the
mistakes a learner typically makes there, each with the feedback it deserves."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sympy as sp

from nablalab.mathinput import latex, plain_text

from ..check import check_answer
from ..result import CheckResult

Value = Any  # a SymPy value, a choice key (or keys), or a list of points


@dataclass(frozen=True)
class Mistake:
    """A wrong answer a learner typically gives (``value``), named, with its feedback."""

    name: str
    value: Value
    feedback: str


@dataclass(frozen=True)
class Choice:
    """One option of a choice question: the key typed, and its Markdown/LaTeX label."""

    key: str
    label: str


@dataclass(frozen=True)
class Part:
    """An answer box. ``options`` go to the checker as they are (tolerances, form ...)."""

    name: str
    kind: str
    answer: Value
    label: str = ""
    variables: tuple[str, ...] | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    mistakes: tuple[Mistake, ...] = ()
    choices: tuple[Choice, ...] = ()
    weight: float = 1.0

    def typed(self, value: Value | None = None) -> str:
        """How a learner would type ``value`` (default: the reference answer) in this box."""
        return typed(self.kind, self.answer if value is None else value)

    def check(self, text: object) -> CheckResult:
        """Check a learner's text with the answer checker, declared mistakes included."""
        options = dict(self.options)
        if self.mistakes:
            options["mistakes"] = [(m.value, m.feedback) for m in self.mistakes]
        if self.kind == "choice":
            options["choices"] = [c.key for c in self.choices]
        return check_answer(self.answer, text, self.kind, self.variables, **options)

    def to_dict(self, reveal: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.name, "kind": self.kind, "label": self.label,
            "variables": None if self.variables is None else list(self.variables),
            "choices": [{"key": c.key, "label": c.label} for c in self.choices],
            "multiple": self.kind == "choice" and not isinstance(self.answer, str),
            "weight": self.weight,
        }
        for option in ("decimal_places", "significant_figures"):
            if option in self.options:
                data[option] = self.options[option]
        if reveal:
            data["answer"] = self.typed()
            data["answer_latex"] = answer_latex(self.kind, self.answer)
            data["mistakes"] = [{"name": m.name, "answer": self.typed(m.value),
                                 "feedback": m.feedback} for m in self.mistakes]
        return data


def typed(kind: str, value: Value) -> str:
    """The text a learner types for ``value`` in a box of ``kind``."""
    if kind == "choice":
        return value if isinstance(value, str) else ", ".join(value)
    if kind == "points":
        return ", ".join("(" + ", ".join(plain_text(sp.sympify(c)) for c in point) + ")"
                         if isinstance(point, Sequence) else plain_text(sp.sympify(point))
                         for point in value) or "none"
    return plain_text(sp.sympify(value))


def answer_latex(kind: str, value: Value) -> str:
    """The answer as LaTeX (choice keys as text)."""
    if kind == "choice":
        return r"\text{" + typed(kind, value) + "}"
    if kind == "points":
        points = [sp.Tuple(*p) if isinstance(p, Sequence) else sp.sympify(p) for p in value]
        return latex(sp.FiniteSet(*points)) if points else r"\varnothing"
    return latex(sp.sympify(value))
