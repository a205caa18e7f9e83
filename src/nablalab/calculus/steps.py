"""The step tree every calculus engine returns, and its JSON form.

A step keeps SymPy objects; text and LaTeX are made only when asked for, so building a
tree stays cheap and the web page, the terminal and the grader all read the same tree.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import sympy as sp

from nablalab.calculus import notation


@dataclass
class Step:
    """One application of a rule: ``expression`` becomes ``result`` because ``explanation``."""

    rule: str
    expression: sp.Basic
    result: sp.Basic
    explanation: str
    substeps: list[Step] = field(default_factory=list)
    latex_text: str | None = None

    @property
    def latex(self) -> str:
        """``expression = result`` in LaTeX unless the rule supplied its own formula."""
        if self.latex_text is not None:
            return self.latex_text
        return f"{notation.latex(self.expression)} \\;\\to\\; {notation.latex(self.result)}"

    def walk(self) -> Iterator[Step]:
        """This step and every step below it, depth first."""
        yield self
        for sub in self.substeps:
            yield from sub.walk()

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "expression": notation.plain(self.expression),
            "result": notation.plain(self.result),
            "explanation": self.explanation,
            "latex": self.latex,
            "substeps": [sub.to_dict() for sub in self.substeps],
        }
