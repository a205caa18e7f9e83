"""How an assignment's tests are described: calls to make, expected values, points, and the
common wrong answers with the message each one deserves.

Everything here lives OUTSIDE the sandbox. A test's expected value and its mistakes' values
are computed by trusted code (the reference solution and the assignment's mistake models);
the sandbox only ever receives the call's inputs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

Compare = Callable[[Any, Any], bool]


@dataclass(frozen=True)
class Close:
    """Values match when shapes agree and every entry is within rtol·|expected| + atol.

    A dataclass (not a closure) so the public test script can be given the same tolerances.
    """

    rtol: float = 1e-7
    atol: float = 1e-10
    ravel: bool = False

    def __call__(self, actual: Any, expected: Any) -> bool:
        try:
            a = np.asarray(actual, dtype=float)
            e = np.asarray(expected, dtype=float)
        except (TypeError, ValueError):
            return False
        if self.ravel and a.size == e.size:
            a, e = a.ravel(), e.ravel()
        return a.shape == e.shape and bool(
            np.all(np.abs(a - e) <= self.rtol * np.abs(e) + self.atol)
        )


@dataclass(frozen=True)
class FunctionRef:
    """A callable argument, sent by reference: the sandbox rebuilds it on its side.

    kind "learner": a function of the learner's own file; "named": one of the runner's
    NAMED_FUNCTIONS; "polynomial": numpy's Polynomial with ``coefficients`` (constant first).
    """

    kind: str
    name: str = ""
    coefficients: tuple[float, ...] = ()

    def __wire__(self) -> dict[str, Any]:
        if self.kind == "polynomial":
            return {"__polynomial__": list(self.coefficients)}
        return {f"__{'learner_' if self.kind == 'learner' else ''}function__": self.name}


@dataclass(frozen=True)
class Call:
    """One call into the learner's code: function(*args) after setting module globals."""

    function: str
    args: tuple[Any, ...] = ()
    globals: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Mistake:
    """A common wrong solution: its value for the test's call, and what to tell the learner."""

    message: str
    value: Callable[[Call, Any], Any]  # (call, expected value) -> the wrong solution's value
    compare: Compare | None = None  # defaults to the test's own comparison


@dataclass(frozen=True)
class Test:
    """One graded test; ``expected`` was computed by trusted code (the reference) from the call."""

    name: str
    call: Call
    points: int
    public: bool
    expected: Any
    compare: Compare = field(default_factory=Close)
    mistakes: Sequence[Mistake] = ()
    hint: str = ""  # shown when the answer is wrong in no recognised way


@dataclass(frozen=True)
class Assignment:
    """An assignment as the grader sees it: which functions the learner writes, and tests."""

    name: str
    title: str
    functions: tuple[str, ...]  # what the learner writes
    given: tuple[str, ...]  # what the starter provides and the learner's code may use
    tests: Callable[[], list[Test]]  # built on demand: building computes reference values
    wall_seconds: float = 10.0
