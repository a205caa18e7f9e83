"""The four faults, each injected while the learners work and then healed, as an operator (or
systemd's Restart=always) would: what was done, when, and how long it took to heal."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from bench.multihost.cluster import Cluster

APP_DOWN_SECONDS = 5.0  # before the killed app server is started again
WORKER_DOWN_SECONDS = 5.0
DATA_CUT_SECONDS = 10.0
RUNNING_WAIT_SECONDS = 60.0  # to catch a worker host in the middle of a grading

RUNNING_ON = """SELECT public_id::text, worker FROM submissions_submission
                WHERE status = 'running' ORDER BY id"""
STILL_RUNNING = """SELECT count(*) FROM submissions_submission
                   WHERE public_id::text = %s AND status = 'running' AND worker = %s"""


@dataclass(frozen=True)
class Injected:
    name: str
    detail: str
    seconds: float  # from the fault to the system being whole again


def kill_app_server(cluster: Cluster) -> Injected:
    started = time.monotonic()
    cluster.kill_app("app1")
    time.sleep(APP_DOWN_SECONDS)
    cluster.start_app("app1")
    cluster.wait_app("app1")
    return Injected("kill an app server", "SIGKILL to app1's gunicorn master and workers; "
                    f"started again after {APP_DOWN_SECONDS:.0f} s",
                    time.monotonic() - started)


def kill_worker_mid_grade(cluster: Cluster) -> Injected:
    """Wait until a worker host is grading, then kill -9 everything on that host.

    A grading lasts a fraction of a second, so a submission seen running may be finished by the
    time the signal lands. The host is frozen (SIGSTOP) first and the submission looked up
    again: only if it is still running there is the host killed; otherwise it is thawed and
    the watch goes on."""
    deadline = time.monotonic() + RUNNING_WAIT_SECONDS
    victim, grading = "worker1", ""
    while time.monotonic() < deadline and not grading:
        victim, grading = _caught_grading(cluster)
        if not grading:
            time.sleep(0.05)
    started = time.monotonic()
    cluster.kill_worker_host(victim)
    time.sleep(WORKER_DOWN_SECONDS)
    cluster.start_worker(victim)
    cluster.wait_ready()
    what = (f"while grading submission {grading}" if grading
            else f"no grading seen within {RUNNING_WAIT_SECONDS:.0f} s: killed idle")
    return Injected("kill -9 a worker host mid-grade", f"every process on {victim} "
                    f"(worker and sandbox), {what}; started again after "
                    f"{WORKER_DOWN_SECONDS:.0f} s", time.monotonic() - started)


def _caught_grading(cluster: Cluster) -> tuple[str, str]:
    """(worker host, submission) frozen in the middle of that grading, or ("worker1", "")."""
    pids = {name: cluster.services[name].process.pid for name in ("worker1", "worker2")}
    with cluster.database() as connection:
        for public_id, worker in connection.execute(RUNNING_ON).fetchall():
            for name, pid in pids.items():
                if f":{pid}:" not in worker:
                    continue
                cluster.pause_worker_host(name)
                if connection.execute(STILL_RUNNING, (public_id, worker)).fetchone()[0]:
                    return name, public_id
                cluster.resume_worker_host(name)
    return "worker1", ""


def restart_postgres(cluster: Cluster) -> Injected:
    started = time.monotonic()
    cluster.restart_postgres()
    return Injected("restart PostgreSQL", "pg_ctl restart -m fast on the data host",
                    time.monotonic() - started)


def cut_redis(cluster: Cluster) -> Injected:
    started = time.monotonic()
    cluster.cut_data_host()
    time.sleep(DATA_CUT_SECONDS)
    cluster.reconnect_data_host()
    return Injected("cut Redis off", f"the data host's veth down for {DATA_CUT_SECONDS:.0f} s "
                    "(PostgreSQL unreachable too), then up", time.monotonic() - started)


FAULTS: tuple[tuple[str, Callable[[Cluster], Injected]], ...] = (
    ("kill-app", kill_app_server),
    ("kill-worker", kill_worker_mid_grade),
    ("restart-postgres", restart_postgres),
    ("cut-redis", cut_redis),
)
