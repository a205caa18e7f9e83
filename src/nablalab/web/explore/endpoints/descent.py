"""Gradient descent in a sandpit (the module 5 lab): walkers choosing their steps from
f, J and H of a Sandpit floor. The built-in strategies come from nablalab.optimize and one
call returns a long path, which the page reveals five steps per click; a learner's own
``next_step(f, J, H)`` runs in the grader's sandbox, one sandboxed call per step, and
receives only numbers."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from nablalab.grader import runner, sandbox
from nablalab.grader.limits import Limits
from nablalab.optimize import (
    Adam,
    Momentum,
    Strategy,
    fixed_length,
    hybrid,
    hybrid_choice,
    newton_step,
    steepest_descent,
    walk,
)
from nablalab.optimize.sandpit import MAX_SEED, floor_objective, make_floor
from nablalab.web.api.throttles import LearnerRateThrottle
from nablalab.web.explore.endpoints.sandpit import checked_variant
from nablalab.web.explore.functions import finite, remembered

router = Router(tags=["widgets"])
PATH_STEPS = 100  # one call: enough for twenty clicks of five steps
OWN_STEPS = 5  # the walker's steps per click
FLOOR_SAMPLES = 81
OWN_CODE_LIMITS = Limits(wall_seconds=2.0, cpu_seconds=2, memory_bytes=1024 * 2**20,
                         processes=8, output_bytes=2**16, log_bytes=8 * 2**10)

# The strategies' settings suit floors a few metres across with slopes of order 1.
STRATEGIES: dict[str, tuple[str, Callable[[], Strategy]]] = {
    "fixed": ("A fixed step: 0.1 m straight downhill", lambda: fixed_length(0.1)),
    "steepest": ("Steepest descent: -γJ with γ = 0.5", lambda: steepest_descent(0.5)),
    "newton": ("Newton: -H⁻¹J", lambda: newton_step),
    "hybrid": ("Hybrid: Newton, or -γJ when Newton points uphill or is longer than 2",
               lambda: hybrid(0.5, 2.0)),
    "momentum": ("Momentum: v ← 0.8v - 0.1J", lambda: Momentum(gamma=0.1, beta=0.8)),
    "adam": ("Adam with rate 0.1", lambda: Adam(rate=0.1)),
}


class FloorIn(Schema):
    variant: str = "intro"
    seed: int = Field(default=1, ge=0, le=MAX_SEED)


class FloorOut(Schema):
    axis: list[float]
    height: list[list[float | None]]
    minimum: list[float]
    strategies: dict[str, str]


class WalkIn(FloorIn):
    strategy: str = "steepest"
    start: list[float] = Field(min_length=2, max_length=2)


class WalkOut(Schema):
    x: list[float]
    y: list[float]
    f: list[float]
    rule: list[str] = Field(description="The hybrid's choice at each step, else empty.")
    status: str
    message: str


class OwnIn(FloorIn):
    code: str = Field(max_length=20_000, description="Python defining next_step(f, J, H).")
    start: list[float] = Field(min_length=2, max_length=2)


class OwnOut(WalkOut):
    ok: bool


def _start(start: list[float]) -> np.ndarray:
    point = np.asarray(start, dtype=float)
    if not np.all(np.isfinite(point)) or np.any(np.abs(point - 3) > 3):
        raise HttpError(422, "Start the walker inside the sandpit: x and y between 0 and 6.")
    return point


@router.post("/sandpit-descent/floor", response=FloorOut, url_name="widget_descent_floor")
def descent_floor(request: HttpRequest, body: FloorIn) -> dict:
    """The whole floor (it is no secret in this lab), to draw its contours."""
    variant = checked_variant(body.variant)
    return remembered("sandpit-descent-floor", body, lambda: _floor(variant, body.seed))


def _floor(variant: str, seed: int) -> dict:
    pit = make_floor(variant, seed)
    floor_objective(variant, seed)  # prepared now, so the first walk answers at once
    axis, depth = pit.grid(FLOOR_SAMPLES)
    return {"axis": finite(axis, 4), "height": finite(-depth, 4),
            "minimum": [pit.minimum.x, pit.minimum.y],
            "strategies": {name: about for name, (about, _) in STRATEGIES.items()}}


@router.post("/sandpit-descent/walk", response=WalkOut, url_name="widget_descent_walk")
def walk_path(request: HttpRequest, body: WalkIn) -> dict:
    """A built-in strategy's walk of up to 100 steps from the start."""
    variant = checked_variant(body.variant)
    if body.strategy not in STRATEGIES:
        raise HttpError(422, f"There is no strategy {body.strategy!r}: choose one of "
                             f"{', '.join(STRATEGIES)}.")
    start = _start(body.start)
    problem = floor_objective(variant, body.seed)
    result = walk(STRATEGIES[body.strategy][1](), problem, start, steps=PATH_STEPS)
    points = [row["x"] for row in result.history] + [np.asarray(result.x)]
    values = [row["fun"] for row in result.history] + [result.fun]
    return {"x": [float(p[0]) for p in points], "y": [float(p[1]) for p in points],
            "f": [float(v) for v in values],
            "rule": [hybrid_choice(problem.jac(row["x"]), problem.hess(row["x"]))[1]
                     if body.strategy == "hybrid" else "" for row in result.history],
            "status": result.status.value, "message": result.message}


@router.post("/sandpit-descent/own", response=OwnOut, url_name="widget_descent_own",
             throttle=[LearnerRateThrottle("widget-code")])
def own_steps(request: HttpRequest, body: OwnIn) -> dict:
    """Five steps of the learner's next_step(f, J, H), each one a call in the sandbox."""
    problem = floor_objective(checked_variant(body.variant), body.seed)
    x = _start(body.start)
    xs, values = [x], [problem.fun(x)]
    with tempfile.TemporaryDirectory(prefix="nablalab-next-step-") as folder:
        source = Path(folder) / "next_step.py"
        source.write_text(body.code, encoding="utf-8")
        for number in range(1, OWN_STEPS + 1):
            f, J, H = values[-1], problem.jac(xs[-1]), problem.hess(xs[-1])
            step, problem_text = _sandboxed_step(source, f, J, H, number)
            if step is None:
                return _own_answer(xs, values, False, problem_text)
            xs.append(xs[-1] + step)
            values.append(problem.fun(xs[-1]))
    return _own_answer(xs, values, True, f"Your next_step took {OWN_STEPS} steps, to "
                       f"({xs[-1][0]:.4g}, {xs[-1][1]:.4g}) where f = {values[-1]:.4g}.")


def _sandboxed_step(source: Path, f: float, J: np.ndarray, H: np.ndarray,
                    number: int) -> tuple[np.ndarray | None, str]:
    """The step the learner's code returns, or None and a message they can act on."""
    call = {"id": "step", "function": "next_step", "args": runner.encode([f, J, H]),
            "globals": runner.encode({})}
    try:
        outcome = sandbox.run(source, [call], OWN_CODE_LIMITS)
    except sandbox.SandboxUnavailable as error:
        raise HttpError(503, f"Your code cannot run on this server: {error}") from None
    loaded = outcome.answers.get("import")
    if loaded is not None and not loaded["ok"]:
        return None, f"Your code could not be loaded:\n{loaded['error']}"
    answer = outcome.answers.get("step")
    if answer is None:
        if loaded is None and outcome.log.startswith("bwrap:"):
            raise HttpError(503, "The sandbox could not start on this server.")
        why = outcome.stopped or "it ended without answering"
        return None, (f"next_step did not return at step {number}: {why}. Is there a loop "
                      "that never ends?")
    if not answer["ok"]:
        return None, f"next_step raised an error at step {number}:\n{answer['error']}"
    value = runner.decode(answer["value"])
    try:
        step = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        step = None
    if step is None or step.shape != (2,):
        shape = "something that is not numbers" if step is None else f"shape {step.shape}"
        return None, (f"next_step returned {shape} at step {number}; a step must be two "
                      "numbers [dx, dy], e.g. -0.5 * J.")
    if not np.all(np.isfinite(step)):
        return None, f"next_step returned {step.tolist()} at step {number}: not finite."
    return step, ""


def _own_answer(xs: list[np.ndarray], values: list[float], ok: bool, message: str) -> dict:
    return {"x": [float(p[0]) for p in xs], "y": [float(p[1]) for p in xs],
            "f": [float(v) for v in values], "rule": [], "ok": ok,
            "status": "ok" if ok else "error", "message": message}


BENCH_CASES = [
    ("sandpit-descent: click a start (100-step path)", "sandpit-descent/walk",
     lambda i: {"variant": "minima", "seed": 3, "strategy": list(STRATEGIES)[i % 6],
                "start": [0.5 + (i % 10) * 0.5, 5.5 - (i % 7) * 0.7]}),
]
