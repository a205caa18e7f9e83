"""Grading latency: backprop graded end to end in the sandbox, throughput with 1 and 2
concurrent graders, and the sandbox's own overhead against the same run unsandboxed.

Targets: p50 ≤ 1 s end to end; sandbox overhead ≤ 25 ms per run.
Run: .venv/bin/python -m bench.grading_latency  (writes bench/results/grading_latency.json)
"""

from __future__ import annotations

import json
import os
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from nablalab.assignments import catalog
from nablalab.grader import sandbox
from nablalab.grader.harness import grade

RUNS = 20
REFERENCE = catalog.folder("backprop") / "reference.py"
RESULTS = Path(__file__).parent / "results" / "grading_latency.json"


def _grade_once() -> float:
    started = time.perf_counter()
    report = grade(catalog.load("backprop"), REFERENCE)
    assert report.score == 1.0, report.to_text()
    return time.perf_counter() - started


def _throughput(workers: int, jobs: int = 12) -> float:
    started = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(lambda _: _grade_once(), range(jobs)))
    return jobs / (time.perf_counter() - started)


def _run_seconds(unsafe: bool) -> list[float]:
    """Seconds of the sandbox run alone (same file, same calls), sandboxed or not."""
    calls = [{"id": "noop", "function": "J_W3", "args": []}]
    previous = os.environ.pop(sandbox.UNSAFE_FLAG, None)
    if unsafe:
        os.environ[sandbox.UNSAFE_FLAG] = "1"
    try:
        return [sandbox.run(REFERENCE, calls).seconds for _ in range(RUNS)]
    finally:
        os.environ.pop(sandbox.UNSAFE_FLAG, None)
        if previous is not None:
            os.environ[sandbox.UNSAFE_FLAG] = previous


def main() -> None:
    _grade_once()  # warm caches (tests built, reference imported)
    latencies = [_grade_once() for _ in range(RUNS)]
    sandboxed = float(np.median(_run_seconds(unsafe=False)))
    bare = float(np.median(_run_seconds(unsafe=True)))
    figures = {
        "end_to_end_p50_s": statistics.median(latencies),
        "end_to_end_p99_s": float(np.percentile(latencies, 99)),
        "throughput_1_grader_per_s": _throughput(1),
        "throughput_2_graders_per_s": _throughput(2),
        "run_sandboxed_p50_ms": 1000 * sandboxed,
        "run_unsandboxed_p50_ms": 1000 * bare,
        "sandbox_overhead_ms": 1000 * (sandboxed - bare),
        "sandbox_overhead_ratio": sandboxed / bare,
        "targets": {"end_to_end_p50_s": 1.0, "sandbox_overhead_ms": 25.0},
    }
    print(f"{'measure':32} {'value':>10}")
    for key, value in figures.items():
        if key != "targets":
            print(f"{key:32} {value:10.3f}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
