"""``nablalab worker``: grade queued submissions.

Run any number of these, on any machines that reach the database and the queue
(``NABLALAB_QUEUE_URL=redis://...``; without it, the SQLite queue in the data dir, which
only workers on this machine can share). ``nablalab serve`` starts one unless --no-worker.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

BAD_CONFIG = 2
MAX_THREADS = 16


def register(subparsers: argparse._SubParsersAction) -> None:
    worker = subparsers.add_parser("worker", help="grade queued assignment submissions")
    worker.add_argument("--workers", type=_threads, default=1,
                        help=f"submissions graded at once (1 to {MAX_THREADS}; default 1)")
    worker.add_argument("--data-dir", type=Path, help="as for serve (the database and the "
                        "SQLite queue live there)")
    worker.add_argument("--metrics-port", type=int, help="serve this worker's Prometheus "
                        "metrics (grading time) on this port, for workers on other machines")
    worker.set_defaults(func=run_worker)


def _threads(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= MAX_THREADS:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number from 1 to {MAX_THREADS}")
    return int(text)


def run_worker(args: argparse.Namespace) -> int:
    from nablalab.web.config import ConfigError
    from nablalab.web.prepare import configure_django

    try:
        configure_django(args.data_dir)
        from nablalab.queue import worker
        from nablalab.queue.app import huey
    except (ConfigError, ValueError) as error:  # a bad NABLALAB_QUEUE_URL included
        print(f"nablalab worker: {error}", file=sys.stderr)
        return BAD_CONFIG
    print(f"Grading worker: {args.workers} at a time, queue {type(huey.storage).__name__}",
          flush=True)
    if args.metrics_port:
        from prometheus_client import start_http_server
        start_http_server(args.metrics_port)
        print(f"Metrics at http://0.0.0.0:{args.metrics_port}/metrics", flush=True)
    worker.run(args.workers)
    return 0
