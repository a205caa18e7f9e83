"""A grading report: per-test outcomes, public and hidden counts, points, and renderings.

Hidden tests report their name, points and feedback message, never their inputs or
expected values. The summary never says "all passed" unless every test passed.
"""

from __future__ import annotations

import html
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class TestOutcome:
    __test__ = False  # not a pytest test class

    name: str
    public: bool
    passed: bool
    points: int
    max_points: int
    message: str = ""


@dataclass
class Report:
    assignment: str
    outcomes: list[TestOutcome] = field(default_factory=list)
    problem: str = ""  # why the run stopped early, if it did
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def points(self) -> int:
        return sum(o.points for o in self.outcomes)

    @property
    def max_points(self) -> int:
        return sum(o.max_points for o in self.outcomes)

    @property
    def score(self) -> float:
        """Fraction of the points earned, 0 to 1."""
        return self.points / self.max_points if self.max_points else 0.0

    def counts(self, public: bool) -> tuple[int, int]:
        group = [o for o in self.outcomes if o.public == public]
        return sum(o.passed for o in group), len(group)

    def summary(self) -> str:
        lines = []
        for label, public in (("public", True), ("hidden", False)):
            passed, total = self.counts(public)
            lines.append(f"{label}: {passed} of {total} passed")
        verdict = ("all tests passed" if self.points == self.max_points and self.outcomes
                   else f"score {self.points}/{self.max_points} ({100 * self.score:.0f}%)")
        return "; ".join(lines) + f" — {verdict}"

    def to_dict(self) -> dict[str, object]:
        return {
            "assignment": self.assignment,
            "points": self.points,
            "max_points": self.max_points,
            "score": self.score,
            "public": dict(zip(("passed", "total"), self.counts(True), strict=True)),
            "hidden": dict(zip(("passed", "total"), self.counts(False), strict=True)),
            "problem": self.problem,
            "warnings": self.warnings,
            "tests": [asdict(o) for o in self.outcomes],
            "summary": self.summary(),
        }

    def to_text(self) -> str:
        lines = [*self.warnings, f"Assignment {self.assignment}"]
        if self.problem:
            lines.append(f"Run stopped: {self.problem}")
        for o in self.outcomes:
            mark = "PASS" if o.passed else "FAIL"
            kind = "public" if o.public else "hidden"
            lines.append(f"  [{mark}] ({kind}, {o.points}/{o.max_points}) {o.name}")
            if o.message:
                lines.extend(f"         {line}" for line in o.message.splitlines())
        lines.append(self.summary())
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr style='background:{'#e8f5e9' if o.passed else '#ffebee'}'>"
            f"<td>{'✔' if o.passed else '✘'}</td><td>{html.escape(o.name)}</td>"
            f"<td>{'public' if o.public else 'hidden'}</td><td>{o.points}/{o.max_points}</td>"
            f"<td><pre style='margin:0;white-space:pre-wrap'>{html.escape(o.message)}</pre></td>"
            "</tr>"
            for o in self.outcomes
        )
        notes = "".join(f"<p><b>{html.escape(w)}</b></p>" for w in self.warnings)
        problem = f"<p>Run stopped: {html.escape(self.problem)}</p>" if self.problem else ""
        return (
            f"{notes}<h4>Assignment {html.escape(self.assignment)}</h4>{problem}"
            "<table><tr><th></th><th>test</th><th>kind</th><th>points</th><th>feedback</th></tr>"
            f"{rows}</table><p>{html.escape(self.summary())}</p>"
        )
