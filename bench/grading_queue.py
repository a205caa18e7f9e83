"""The grading queue end to end: a submission saved and enqueued (as the web app and the API
do) until its graded result is stored, through Huey on SQLite and real `nablalab worker`
processes; backprop's reference solution.

Latency: one submission at a time (p50, p99; from the row's creation to its graded_at, both
stamped by the database's writers). Throughput: a burst of submissions with 1 and 2 worker
processes. Target: p50 ≤ 1 s end to end.
Run: .venv/bin/python -m bench.grading_queue  (writes bench/results/grading_queue.json)
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

RUNS = 20
BURST = 12
RESULTS = Path(__file__).parent / "results" / "grading_queue.json"
REFERENCE = Path(__file__).parents[1] / "src/nablalab/assignments/backprop/reference.py"


def _start_workers(data_dir: Path, count: int) -> list[subprocess.Popen[bytes]]:
    workers = [subprocess.Popen([sys.executable, "-m", "nablalab.cli.main", "worker",
                                 "--data-dir", str(data_dir)], env=os.environ.copy(),
                                stdout=subprocess.DEVNULL) for _ in range(count)]
    _wait_graded(_submit(1))  # every worker imported and polling before timing starts
    return workers


def _stop(workers: list[subprocess.Popen[bytes]]) -> None:
    for worker in workers:
        worker.send_signal(signal.SIGINT)
    for worker in workers:
        worker.wait(timeout=30)


def _submit(count: int) -> list[int]:
    from django.contrib.auth.models import User

    from nablalab.web.submissions import intake

    learner, _ = User.objects.get_or_create(username="bench")
    source = intake.from_editor(REFERENCE.read_text())
    return [intake.accept(learner, "backprop", source, via="cli").pk for _ in range(count)]


def _wait_graded(ids: list[int], timeout: float = 120) -> list[float]:
    """Seconds from saved to graded, per submission, once all are graded."""
    from nablalab.web.submissions.models import Status, Submission

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        rows = list(Submission.objects.filter(pk__in=ids).values_list(
            "status", "score", "created_at", "graded_at"))
        if all(status == Status.GRADED for status, *_ in rows):
            assert all(score == 1.0 for _, score, *_ in rows)
            return [(graded - created).total_seconds() for *_, created, graded in rows]
        time.sleep(0.01)
    raise TimeoutError(f"not graded within {timeout} s")


def _throughput(data_dir: Path, workers: int) -> float:
    running = _start_workers(data_dir, workers)
    try:
        started = time.perf_counter()
        _wait_graded(_submit(BURST))
        return BURST / (time.perf_counter() - started)
    finally:
        _stop(running)


def main() -> None:
    data_dir = Path(tempfile.mkdtemp(prefix="nablalab-bench-queue-"))
    os.environ.pop("NABLALAB_QUEUE_URL", None)
    from nablalab.web.prepare import configure_django

    configure_django(data_dir)
    from django.core.management import call_command

    from nablalab.web.submissions import intake

    call_command("migrate", verbosity=0)
    intake.MAX_IN_PROGRESS = BURST  # the burst fills the queue on purpose ...
    intake.ATTEMPTS_PER_DAY = 10**6  # ... and one learner submits far more than a day allows
    workers = _start_workers(data_dir, 1)
    try:
        latencies = [_wait_graded(_submit(1))[0] for _ in range(RUNS)]
    finally:
        _stop(workers)
    figures = {
        "end_to_end_p50_s": statistics.median(latencies),
        "end_to_end_p99_s": float(np.percentile(latencies, 99)),
        "throughput_1_worker_per_s": _throughput(data_dir, 1),
        "throughput_2_workers_per_s": _throughput(data_dir, 2),
        "targets": {"end_to_end_p50_s": 1.0},
    }
    print(f"{'measure (SQLite queue, backprop)':34} {'value':>10}")
    for key, value in figures.items():
        if key != "targets":
            print(f"{key:34} {value:10.3f}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
