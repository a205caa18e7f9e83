"""The one error the content loader raises: every problem found, each tied to its file."""

from __future__ import annotations

from collections.abc import Sequence


class ContentError(Exception):
    """Course content that cannot be published, with all problems at once so authors fix them in
    one pass rather than one per run."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        listing = "\n".join(f"  - {problem}" for problem in self.problems)
        super().__init__(f"the course content has {len(self.problems)} problem(s):\n{listing}")
