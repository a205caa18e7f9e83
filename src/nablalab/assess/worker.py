"""A hard time limit for checks: persistent worker processes, killed when they overrun.

A Python thread cannot be stopped, and SymPy (or a pathological answer such as nested
powers) can run for minutes, so every check runs in a forked worker process. The limit is
on the CPU time the job spends (the worker's process group), not on the clock: on a machine
busy with other requests a check may wait for the processor, and that wait is not the
answer's fault. The clock still bounds it hard, at ``WALL_CAP_FACTOR`` times the limit. A
worker that overruns is killed (SIGKILL) and replaced by a fresh fork, so the limit holds
whatever the worker is doing. Each worker leads its own process group and is killed with
it, so processes it started itself (an engine's own time limits, a pool of its own) go too.
Workers persist between checks, so the usual cost is one pipe round trip (well under a
millisecond), not a process start. A worker's memory is capped as well, so a runaway
allocation fails inside the worker instead of starving the machine.

Workers are forked from the parent, which has already imported SymPy: a fork costs a few
milliseconds. The pool is safe to share between threads (each check takes one worker).
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import resource
import signal
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

MEMORY_HEADROOM_BYTES = 1 << 30  # a worker may grow by 1 GiB beyond the parent's size
WALL_CAP_FACTOR = 4.0  # a job starved of CPU is still cut off at this multiple of its limit
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
# True in a worker: a pool it runs keeps its workers in its group, so one kill ends them all.
_inside_worker = False


class WorkerTimeout(TimeoutError):
    """The job did not finish within its time limit; its worker has been replaced."""


class WorkerCrash(RuntimeError):
    """The worker died without answering (e.g. it ran out of memory)."""


class Worker:
    """One forked process running jobs ``(function, args)`` sent over a pipe, one at a time."""

    def __init__(self) -> None:
        context = mp.get_context("fork")
        self.connection, child_end = context.Pipe(duplex=True)
        self.process = context.Process(target=_serve, args=(child_end,), daemon=True,
                                       name="nablalab-check-worker")
        self.process.start()
        if not _inside_worker:
            _own_group(self.process.pid)  # also done in the child: whichever runs first
        child_end.close()

    def call(self, function: Callable[..., Any], args: tuple[Any, ...], time_limit: float
             ) -> tuple[bool, Any]:
        """(True, function(*args)) or (False, the exception it raised), computed in the
        worker; raises ``WorkerTimeout`` or ``WorkerCrash`` when no answer comes back."""
        spent_before = _group_cpu_seconds(self.process.pid, leader_only=True)
        self.connection.send((function, args))
        wall_deadline = time.monotonic() + time_limit * WALL_CAP_FACTOR
        wait = time_limit
        while not self.connection.poll(wait):
            cpu_left = time_limit - (_group_cpu_seconds(self.process.pid) - spent_before)
            wait = min(cpu_left, wall_deadline - time.monotonic())
            if wait <= 0:
                raise WorkerTimeout(f"the check took longer than {time_limit:g} s")
            wait = max(wait, 1 / CLOCK_TICKS)  # CPU time moves in clock ticks
        try:
            return self.connection.recv()
        except (EOFError, OSError) as error:
            raise WorkerCrash("the checking process stopped without an answer") from error

    def kill(self) -> None:
        """SIGKILL to the worker's whole process group: it and anything it started."""
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):  # gone, or not (yet) its own group
            if self.process.is_alive():
                self.process.kill()
        self.process.join()
        self.connection.close()

    @property
    def alive(self) -> bool:
        return self.process.is_alive()


class WorkerPool:
    """Up to ``size`` workers; a check waits for a free one, and a stuck one is replaced."""

    def __init__(self, size: int = 2) -> None:
        self._idle: list[Worker] = []
        self._slots = threading.BoundedSemaphore(size)
        self._lock = threading.Lock()
        self._owner = os.getpid()

    def run(self, function: Callable[..., Any], args: tuple[Any, ...], time_limit: float
            ) -> Any:
        """``function(*args)`` in a worker; raises what it raised, or ``WorkerTimeout``."""
        with self._slots:
            worker = self._take()
            try:
                ok, value = worker.call(function, args, time_limit)
            except BaseException:  # no answer (time-out, crash, interrupt): never reuse it
                worker.kill()
                raise
            self._give_back(worker)
        if not ok:
            raise value
        return value

    def close(self) -> None:
        with self._lock:
            workers, self._idle = self._idle, []
        for worker in workers:
            worker.kill()

    def _take(self) -> Worker:
        with self._lock:
            if os.getpid() != self._owner:  # we are ourselves a fork: the workers are not ours
                self._idle, self._owner = [], os.getpid()
            while self._idle:
                worker = self._idle.pop()
                if worker.alive:
                    return worker
                worker.kill()
        return Worker()

    def _give_back(self, worker: Worker) -> None:
        with self._lock:
            self._idle.append(worker)


def _serve(connection: Connection) -> None:
    global _inside_worker
    # A worker forked from a server process (gunicorn) inherits its signal handlers; restore
    # the defaults so the parent's SIGTERM at shutdown ends the worker at once.
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGQUIT):
        signal.signal(signum, signal.SIG_DFL)
    if not _inside_worker:
        _own_group(0)
    _inside_worker = True
    _cap_memory()
    while True:
        try:
            function, args = connection.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            answer: tuple[bool, Any] = (True, function(*args))
        except MemoryError:
            answer = (False, WorkerCrash("the check needed too much memory"))
        except Exception as error:
            answer = (False, error)
        try:
            connection.send(answer)
        except Exception as error:  # an unpicklable value or error: send its text instead
            connection.send((False, RuntimeError(f"{type(error).__name__}: {error}")))


def _own_group(pid: int) -> None:
    """Make the worker ``pid`` (0: this process) the leader of a process group of its own."""
    with contextlib.suppress(ProcessLookupError, PermissionError):  # gone, or done already
        os.setpgid(pid, 0)


def _group_cpu_seconds(leader: int, leader_only: bool = False) -> float:
    """CPU seconds used by the worker ``leader``, its finished children and (unless
    ``leader_only``) the live processes of its group. Children that lived before the job
    count in full, so the estimate errs towards stopping sooner, never later."""
    total = 0
    for entry in (f"/proc/{leader}",) if leader_only else _proc_entries():
        try:
            with open(f"{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # gone in the meantime
        pid, group = int(entry.rsplit("/", 1)[1]), int(fields[2])
        if pid == leader:
            total += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
        elif group == leader:
            total += int(fields[11]) + int(fields[12])
    return total / CLOCK_TICKS


def _proc_entries() -> list[str]:
    return [f"/proc/{name}" for name in os.listdir("/proc") if name.isdigit()]


def _cap_memory() -> None:
    try:
        with open("/proc/self/statm") as statm:
            pages = int(statm.read().split()[0])
        limit = pages * os.sysconf("SC_PAGE_SIZE") + MEMORY_HEADROOM_BYTES
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or limit < hard:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (OSError, ValueError):
        pass  # no /proc or no permission: the time limit still holds
