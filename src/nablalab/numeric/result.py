"""One result type for every solver, in the manner of SciPy's ``OptimizeResult``.

Lessons, widgets and graders all read the same fields, so a plot of any method's
iterations is drawn from ``history`` whatever produced it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, StrEnum
from typing import Any

import numpy as np


class Status(StrEnum):
    """Why a solver stopped; ``CONVERGED`` is the only success."""

    CONVERGED = "converged"
    MAX_ITERATIONS = "max_iterations"
    DIVERGED = "diverged"
    CYCLE = "cycle"
    ZERO_DERIVATIVE = "zero_derivative"
    LEFT_DOMAIN = "left_domain"
    SINGULAR = "singular"
    STALLED = "stalled"
    INVALID_INPUT = "invalid_input"


@dataclass
class Result:
    """The outcome of a solver: where it ended, why, and every step on the way.

    ``history`` holds one dict per iteration (at least ``{"x": ..., "fun": ...}``), ready
    to tabulate or plot. ``extra`` carries method-specific outputs (covariance, χ², λ ...).
    """

    x: Any
    fun: Any
    status: Status
    message: str
    nit: int = 0
    history: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def success(self) -> bool:
        return self.status is Status.CONVERGED

    def __getattr__(self, name: str) -> Any:
        # Method-specific outputs read like fields (result.covariance), as in SciPy.
        extra = self.__dict__.get("extra", {})
        if name in extra:
            return extra[name]
        raise AttributeError(name)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy (NumPy arrays and scalars become lists and floats)."""
        return _jsonable(
            {
                "x": self.x,
                "fun": self.fun,
                "status": self.status.value,
                "success": self.success,
                "message": self.message,
                "nit": self.nit,
                "history": self.history,
                **self.extra,
            }
        )


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, Enum):
        return value.value
    if hasattr(value, "to_dict"):
        return _jsonable(value.to_dict())
    return value
