"""The multi-host test (issue 9): six hosts made of network namespaces on this machine —
PostgreSQL and Redis, two gunicorn app servers, nginx in front, two grading workers — with
simulated learners working through nginx while faults are injected (an app server killed,
a worker host killed mid-grade, PostgreSQL restarted, the data host cut off for 10 s), then
load steps of 50 → 100 → 200 → 500 learners (with the CPU each host used), then one app server
against two with each app host held to a CPU budget by a cgroup, as separate machines would be.

Run as root: ``.venv/bin/python -m bench.multihost`` (about 15 minutes); writes
bench/results/multihost.json and prints the tables; NABLALAB_MULTIHOST_LOGS=DIR keeps every
host's log there. tests/scale/test_multihost.py runs a shortened plan in CI.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path


def main() -> int:
    from bench.multihost import report
    from bench.multihost.scenario import FULL, run

    def interrupted(_signal: int, _frame: object) -> None:
        raise KeyboardInterrupt  # the same clean-up as Ctrl-C

    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started in background
    logs = os.environ.get("NABLALAB_MULTIHOST_LOGS")  # a folder to keep every host's log in
    result = run(FULL, logs_to=Path(logs) if logs else None)
    report.write(result)
    print(report.render(result))
    print(f"\nwrote {report.RESULTS}")
    final = result.get("final", {})
    return 1 if final.get("problems") else 0


if __name__ == "__main__":
    sys.exit(main())
