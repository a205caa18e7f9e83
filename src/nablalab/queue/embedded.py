"""The grading worker ``nablalab serve`` starts beside gunicorn, so a single command grades
out of the box. It is an ordinary ``nablalab worker`` process: it dies with the server
(parent-death signal) and is stopped when the server stops."""

from __future__ import annotations

import contextlib
import ctypes
import signal
import subprocess
import sys

PR_SET_PDEATHSIG = 1
STOP_SECONDS = 10


def _die_with_parent() -> None:
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def start_worker(threads: int = 1) -> subprocess.Popen[bytes]:
    """Start ``nablalab worker`` with this process's environment (data dir, queue URL)."""
    return subprocess.Popen([sys.executable, "-m", "nablalab.cli.main", "worker",
                             "--workers", str(threads)], preexec_fn=_die_with_parent)


def stop_worker(process: subprocess.Popen[bytes]) -> None:
    """SIGINT lets Huey finish the grading in hand; SIGKILL if it takes too long (the lease
    then expires and another worker grades the submission again)."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def gunicorn_hooks() -> dict[str, object]:
    """Gunicorn server hooks that start the worker with the server and stop it on exit."""
    started: list[subprocess.Popen[bytes]] = []

    def on_starting(_server: object) -> None:
        started.append(start_worker())
        print(f"Grading worker started (process {started[0].pid})", flush=True)

    def on_exit(_server: object) -> None:
        for process in started:
            stop_worker(process)

    return {"on_starting": on_starting, "on_exit": on_exit}
