"""The hard time limit: a runaway check is killed, and the next check is served at once."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from pathlib import Path

import pytest
import sympy as sp
from bench.multihost.proctree import alive

from nablalab.assess import Diagnosis, check_answer
from nablalab.assess import worker as worker_module
from nablalab.assess.worker import WorkerPool, WorkerTimeout


def _spin_forever(pid_file: str) -> None:
    Path(pid_file).write_text(str(os.getpid()))
    while True:
        pass


def _start_a_child_and_spin(pid_file: str) -> None:
    """As an engine with its own time limit does: a process of the worker's own."""
    child = os.fork()
    if child == 0:
        while True:
            time.sleep(1)
    Path(pid_file).write_text(str(child))
    while True:
        pass


def _spin_in_a_pool_of_its_own(pid_file: str) -> None:
    multiprocessing.current_process().daemon = False  # as the widget workers allow
    WorkerPool(size=1).run(_spin_forever, (pid_file,), 60)


def _spin_for(cpu_seconds: float) -> float:
    start = time.process_time()
    while time.process_time() - start < cpu_seconds:
        pass
    return cpu_seconds


def _spin_in_a_child(pid_file: str) -> None:
    """The work done by a process the job started, the worker itself only waiting."""
    child = os.fork()
    if child == 0:
        while True:
            pass
    Path(pid_file).write_text(str(child))
    os.waitpid(child, 0)


def _fail() -> None:
    raise ValueError("inside the worker")


def test_a_runaway_job_is_killed_at_the_limit(tmp_path: Path) -> None:
    pool = WorkerPool(size=1)
    pid_file = tmp_path / "pid"
    started = time.monotonic()
    with pytest.raises(WorkerTimeout):
        pool.run(_spin_forever, (str(pid_file),), 0.3)
    assert time.monotonic() - started < 5   # the limit is enforced, not merely hoped for
    spinner = int(pid_file.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(spinner, 0)                  # killed and reaped
    fresh = pool.run(os.getpid, (), 5.0)     # a new worker takes over
    assert fresh not in (spinner, os.getpid())
    pool.close()


def test_waiting_for_the_processor_does_not_count_against_the_limit() -> None:
    """A busy machine may not run the worker at once: only the CPU the job spends counts."""
    pool = WorkerPool(size=1)
    worker_pid = pool.run(os.getpid, (), 5.0)

    def starve() -> None:
        time.sleep(0.05)
        os.kill(worker_pid, signal.SIGSTOP)
        time.sleep(0.8)
        os.kill(worker_pid, signal.SIGCONT)

    starving = threading.Thread(target=starve)
    starved_from = time.monotonic()
    starving.start()
    assert pool.run(_spin_for, (0.2,), 0.4) == 0.2
    starving.join()
    assert time.monotonic() - starved_from >= 0.8   # it did wait longer than its limit
    assert pool.run(os.getpid, (), 5.0) == worker_pid   # and was not replaced
    pool.close()


def test_a_job_that_uses_no_cpu_is_still_stopped_by_the_clock() -> None:
    pool = WorkerPool(size=1)
    started = time.monotonic()
    with pytest.raises(WorkerTimeout):
        pool.run(time.sleep, (60,), 0.2)
    assert time.monotonic() - started < 5   # at WALL_CAP_FACTOR x 0.2 s
    pool.close()


def test_cpu_spent_by_the_jobs_own_processes_counts(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(worker_module, "WALL_CAP_FACTOR", 200.0)  # only the CPU can stop it
    pool = WorkerPool(size=1)
    started = time.monotonic()
    with pytest.raises(WorkerTimeout):
        pool.run(_spin_in_a_child, (str(tmp_path / "child"),), 0.3)
    assert time.monotonic() - started < 30
    pool.close()


@pytest.mark.parametrize("job", [_start_a_child_and_spin, _spin_in_a_pool_of_its_own])
def test_a_killed_worker_takes_the_processes_it_started_with_it(tmp_path: Path, job) -> None:
    pool = WorkerPool(size=1)
    pid_file = tmp_path / "child"
    with pytest.raises(WorkerTimeout):
        pool.run(job, (str(pid_file),), 1.0)
    child = int(pid_file.read_text())
    deadline = time.monotonic() + 5
    while alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    survived = alive(child)
    if survived:
        os.kill(child, signal.SIGKILL)  # never leave it holding the test run's output open
    assert not survived, "the worker's own child outlived it"
    pool.close()


def test_workers_persist_between_jobs_and_pass_errors_back() -> None:
    pool = WorkerPool(size=1)
    first = pool.run(os.getpid, (), 5.0)
    assert pool.run(os.getpid, (), 5.0) == first
    with pytest.raises(ValueError, match="inside the worker"):
        pool.run(_fail, (), 5.0)
    assert pool.run(os.getpid, (), 5.0) == first
    pool.close()


def test_check_answer_reports_a_time_out_without_using_an_attempt() -> None:
    x = sp.Symbol("x", real=True)
    heavy = sp.expand((x - 1) ** 300)
    result = check_answer(heavy, "(x - 1)^300", time_limit=0.001)
    assert not result.valid and not result.counts_as_attempt
    assert result.diagnosis is Diagnosis.TIMEOUT
    assert "no attempt" in result.feedback
    assert check_answer("2x", "x + x").correct   # the replaced worker serves the next check
