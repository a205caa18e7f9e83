"""Grade a learner's file: send the tests' inputs into the sandbox, judge the values outside.

Points and verdicts are computed here, from values only; the sandboxed code never sees the
expected values, the comparisons, or this module.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from nablalab.grader import runner, sandbox
from nablalab.grader.limits import Limits
from nablalab.grader.report import Report, TestOutcome
from nablalab.grader.spec import Assignment, Call, Test


def grade(assignment: Assignment, source: Path, limits: Limits | None = None) -> Report:
    """Grade ``source`` (a .py file) against every public and hidden test of ``assignment``."""
    limits = limits or Limits(wall_seconds=assignment.wall_seconds)
    tests = assignment.tests()
    calls = [_encode_call(f"t{i}", test.call) for i, test in enumerate(tests)]
    outcome = sandbox.run(Path(source), calls, limits)
    if not outcome.sandboxed:
        warnings = [sandbox.UNSAFE_WARNING]
    elif not outcome.answers and outcome.log.startswith("bwrap:"):
        raise sandbox.SandboxUnavailable(
            f"bubblewrap could not create the sandbox ({outcome.log.strip()}); "
            "run `nablalab doctor` to see why and how to fix it."
        )
    else:
        warnings = []
    report = Report(assignment.name, warnings=warnings, seconds=outcome.seconds)
    report.problem = outcome.stopped
    imported = outcome.answers.get("import")
    for i, test in enumerate(tests):
        if imported is not None and not imported["ok"]:
            message = f"Your file could not be loaded:\n{imported['error']}"
            report.outcomes.append(_failed(test, message))
            continue
        answer = outcome.answers.get(f"t{i}")
        if answer is None:
            report.outcomes.append(_failed(test, _not_answered(test, f"t{i}", outcome)))
        elif not answer["ok"]:
            report.outcomes.append(_failed(test, _error_message(test, answer)))
        else:
            report.outcomes.append(_judge(test, runner.decode(answer["value"])))
    return report


def _encode_call(call_id: str, call: Call) -> dict[str, Any]:
    return {"id": call_id, "function": call.function, "args": runner.encode(list(call.args)),
            "globals": runner.encode(dict(call.globals))}


def _failed(test: Test, message: str) -> TestOutcome:
    return TestOutcome(test.name, test.public, False, 0, test.points, message)


def _not_answered(test: Test, call_id: str, outcome: sandbox.RunOutcome) -> str:
    if outcome.running == call_id:
        return f"{test.call.function} was running when the run stopped: {outcome.stopped}"
    if outcome.running == "import":
        return f"Loading your file did not finish: {outcome.stopped}"
    return f"Not run, because the run stopped earlier: {outcome.stopped or 'unknown reason'}"


def _error_message(test: Test, answer: dict[str, Any]) -> str:
    if answer.get("kind") == "NotImplementedError":
        return f"{test.call.function} is not written yet (it still raises NotImplementedError)."
    return f"{test.call.function} raised an error:\n{answer['error']}"


def _judge(test: Test, actual: Any) -> TestOutcome:
    if isinstance(actual, dict) and "__unsupported__" in actual:
        message = (f"{test.call.function} returned a {actual['__unsupported__']}; "
                   "return numbers or NumPy arrays.")
        return _failed(test, message)
    if test.compare(actual, test.expected):
        return TestOutcome(test.name, test.public, True, test.points, test.points)
    for mistake in test.mistakes:
        compare = mistake.compare or test.compare
        try:
            matched = compare(actual, mistake.value(test.call, test.expected))
        except (ValueError, TypeError, ArithmeticError, IndexError):
            matched = False
        if matched:
            return _failed(test, mistake.message)
    return _failed(test, _difference(test, actual))


def _difference(test: Test, actual: Any) -> str:
    try:
        got = np.asarray(actual, dtype=float)
    except (TypeError, ValueError):
        return f"{test.call.function} returned {type(actual).__name__}, not numbers."
    expected = np.asarray(test.expected, dtype=float)
    if got.shape != expected.shape:
        message = (f"{test.call.function} returned shape {got.shape}; "
                   f"the expected shape is {expected.shape}.")
    elif test.public:
        message = (f"{test.call.function} returned {_preview(got)}; "
                   f"expected {_preview(expected)}.")
    else:
        message = f"{test.call.function} returned values that differ from the expected ones."
    return f"{message} {test.hint}".strip()


def _preview(values: np.ndarray) -> str:
    flat = values.ravel()
    shown = ", ".join(f"{v:.6g}" for v in flat[:4])
    return f"[{shown}{', ...' if flat.size > 4 else ''}]"
