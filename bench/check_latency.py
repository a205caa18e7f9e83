"""Answer-checking latency and accuracy, side by side with SymPy's ``equals`` and ``simplify``.

Pairs: the 54 held-out identities (tests/assess/identities.py) and course-style derivative
answers built from every function of ``corpus_expressions.txt``: for f' the typed form,
another correct form (multiplied out or factorised) and two mistakes (sign, factor 2, the
original function, an extra constant, a dropped term), as text a learner would type.

Ours: ``check_answer`` end to end (parse, worker round trip, 1 s hard limit). Baselines, on
the identities and a fixed sample of the course pairs: ``a.equals(b)`` (PrairieLearn's
method) and ``simplify(a - b) == 0``, each in a persistent worker with a 3 s hard limit
(so a hang cannot stall the run). A verdict is right when it matches the real-domain
policy of nablalab.assess; ``None`` from ``equals`` counts as wrong.

Target: our p99 <= 50 ms, never over 1 s, all 54 identities right.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import sympy as sp
from tests.assess.identities import IDENTITIES

from nablalab.assess import check_answer
from nablalab.assess.worker import WorkerPool, WorkerTimeout
from nablalab.mathinput import parse, plain_text

CORPUS = Path(__file__).with_name("corpus_expressions.txt")
RESULTS = Path(__file__).with_name("results") / "check_latency.json"
BASELINE_LIMIT_S = 3.0
BASELINE_SAMPLE = 150   # course pairs also given to the (slow) SymPy baselines
TARGET_P99_MS = 50.0
MAX_ANSWER_LENGTH = 2000


@dataclass(frozen=True)
class Pair:
    source: str            # "identity" or "course"
    expected: sp.Expr      # the author's side (SymPy)
    answer: str            # the learner's side, as typed
    equivalent: bool       # the right verdict under the real-domain policy
    variables: str | None = None  # the question's variables (course pairs: the function's)


def identity_pairs() -> list[Pair]:
    pairs = []
    for identity in IDENTITIES:
        left, right = identity.pair()
        if identity.expand_right:  # too long to type: the expansion is the expected side
            pairs.append(Pair("identity", right, identity.left, identity.equivalent))
        else:
            pairs.append(Pair("identity", left, identity.right, identity.equivalent))
    return pairs


def course_pairs() -> list[Pair]:
    pairs = []
    for index, line in enumerate(CORPUS.read_text(encoding="utf-8").splitlines()):
        if not line.strip() or line.startswith("#"):
            continue
        text, _, wrt = line.partition(";")
        function = parse(text.strip()).expr
        variable = sp.Symbol(wrt.strip(), real=True) if wrt.strip() else min(
            function.free_symbols, key=str)
        derivative = sp.diff(function, variable)
        if derivative == 0:
            continue
        names = ",".join(sorted(s.name for s in function.free_symbols))
        answers = [(derivative, True), (_other_form(derivative), True)]
        mistakes = _mistakes(function, derivative)
        answers += [mistakes[(index + k) % len(mistakes)] for k in (0, 1)]
        for answer, right in answers:
            typed = plain_text(answer)
            if len(typed) <= MAX_ANSWER_LENGTH:
                pairs.append(Pair("course", derivative, typed, right, names))
    return pairs


def _other_form(expr: sp.Expr) -> sp.Expr:
    expanded = sp.expand(expr)
    if expanded != expr:
        return expanded
    return sp.factor(expr) if sp.count_ops(expr) < 40 else sp.together(expr)


def _mistakes(function: sp.Expr, derivative: sp.Expr) -> list[tuple[sp.Expr, bool]]:
    candidates = [-derivative, 2 * derivative, function, derivative + 1]
    if derivative.is_Add:
        candidates.append(derivative - derivative.args[0])
    return [(c, False) for c in candidates if c != derivative]


# ------------------------------------------------------------------------------ measuring
def time_ours(pairs: list[Pair]) -> tuple[list[float], list[bool], int]:
    for _ in range(3):  # start the workers
        check_answer("2x", "x + x")
    times, right, timeouts = [], [], 0
    for pair in pairs:
        start = time.perf_counter()
        result = check_answer(pair.expected, pair.answer, variables=pair.variables)
        times.append((time.perf_counter() - start) * 1000)
        timeouts += result.diagnosis == "timeout"
        right.append(result.valid and result.equivalent is pair.equivalent)
    return times, right, timeouts


def _sympy_equals(a: sp.Expr, b: sp.Expr) -> bool | None:
    return a.equals(b)


def _sympy_simplify(a: sp.Expr, b: sp.Expr) -> bool:
    return sp.simplify(a - b) == 0


def time_baseline(method: Callable[[sp.Expr, sp.Expr], bool | None], pairs: list[Pair]
                  ) -> tuple[list[float], list[bool], int]:
    pool = WorkerPool(size=1)
    pool.run(_sympy_equals, (sp.Integer(1), sp.Integer(1)), BASELINE_LIMIT_S)
    times, right, timeouts = [], [], 0
    for pair in pairs:
        answer = parse(pair.answer).expr
        start = time.perf_counter()
        try:
            verdict = pool.run(method, (pair.expected, answer), BASELINE_LIMIT_S)
        except WorkerTimeout:
            verdict, timeouts = None, timeouts + 1
        except Exception:  # SymPy raised: no verdict
            verdict = None
        times.append((time.perf_counter() - start) * 1000)
        right.append(verdict is pair.equivalent)
    pool.close()
    return times, right, timeouts


def _summary(times: list[float], right: list[bool], timeouts: int) -> dict[str, Any]:
    array = np.array(times)
    return {"pairs": len(times), "right": int(sum(right)), "timeouts": timeouts,
            "p50_ms": float(np.percentile(array, 50)), "p99_ms": float(np.percentile(array, 99)),
            "max_ms": float(array.max())}


def main() -> None:
    identities, course = identity_pairs(), course_pairs()
    sample = course[:: max(1, len(course) // BASELINE_SAMPLE)][:BASELINE_SAMPLE]
    everything = identities + course
    ours_times, ours_right, ours_timeouts = time_ours(everything)
    n = len(identities)
    in_sample = {id(p) for p in sample}
    pick = [i for i, p in enumerate(everything) if i < n or id(p) in in_sample]
    report: dict[str, Any] = {
        "ours, all pairs": _summary(ours_times, ours_right, ours_timeouts),
        "ours, 54 identities": _summary(ours_times[:n], ours_right[:n], 0),
        "ours, baseline pairs": _summary([ours_times[i] for i in pick],
                                         [ours_right[i] for i in pick], 0),
    }
    for name, method in (("sympy equals", _sympy_equals),
                         ("sympy simplify(a-b)==0", _sympy_simplify)):
        times, right, timeouts = time_baseline(method, identities)
        report[f"{name}, 54 identities"] = _summary(times, right, timeouts)
        more_times, more_right, more_timeouts = time_baseline(method, sample)
        report[f"{name}, baseline pairs"] = _summary(
            times + more_times, right + more_right, timeouts + more_timeouts)
    report["target"] = {"p99_ms": TARGET_P99_MS,
                        "met": report["ours, all pairs"]["p99_ms"] <= TARGET_P99_MS,
                        "limit_s": 1.0, "baseline_limit_s": BASELINE_LIMIT_S}
    _print(report)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")


def _print(report: dict[str, Any]) -> None:
    print(f"{'method, pairs':38} {'n':>5} {'right':>6} {'t/o':>4} {'p50 ms':>8} "
          f"{'p99 ms':>8} {'max ms':>8}")
    for name, row in report.items():
        if name == "target":
            continue
        print(f"{name:38} {row['pairs']:5d} {row['right']:6d} {row['timeouts']:4d} "
              f"{row['p50_ms']:8.2f} {row['p99_ms']:8.2f} {row['max_ms']:8.1f}")
    target = report["target"]
    print(f"target: our p99 <= {target['p99_ms']:g} ms: {'met' if target['met'] else 'NOT met'}")


if __name__ == "__main__":
    main()
