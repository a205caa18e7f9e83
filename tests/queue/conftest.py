"""Real queues for the queue tests: a data dir migrated once and copied per test, `nablalab
worker` subprocesses, and a real redis-server on a free port in a temp dir."""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import tests.web.conftest  # noqa: F401  (Django configured on a throw-away data dir)
from nablalab.web.config import DATABASE_FILE, SECRET_KEY_FILE
from tests.servers import redis_url, wait_until  # noqa: F401  (fixtures and helper shared)
from tests.web.test_serve import clean_env

REPOSITORY = Path(__file__).resolve().parents[2]
REFERENCE = REPOSITORY / "src/nablalab/assignments/backprop/reference.py"
LEASE_SECONDS = "1.5"  # short, so a killed worker's submissions come back quickly


@pytest.fixture(scope="session")
def migrated(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("queue-template")
    subprocess.run([sys.executable, "-m", "nablalab.cli.main", "manage", "--data-dir",
                    str(folder), "migrate", "-v0"], check=True, env=clean_env(), cwd=REPOSITORY)
    return folder


class Site:
    """A data dir with its own database and SQLite queue, and the environment to reach it."""

    def __init__(self, folder: Path, queue_url: str = "") -> None:
        self.folder = folder
        self.env = {**clean_env(), "NABLALAB_GRADING_LEASE_SECONDS": LEASE_SECONDS}
        if queue_url:
            self.env["NABLALAB_QUEUE_URL"] = queue_url
        self.workers: list[subprocess.Popen[bytes]] = []

    def submit(self, source: Path, count: int, assignment: str = "backprop") -> list[int]:
        done = subprocess.run([sys.executable, "-m", "tests.queue.driver", str(self.folder),
                               assignment, str(source), str(count)], check=True,
                              capture_output=True, env=self.env, cwd=REPOSITORY)
        return json.loads(done.stdout)

    def start_worker(self, threads: int = 1) -> subprocess.Popen[bytes]:
        log = (self.folder / f"worker-{len(self.workers)}.log").open("wb")
        process = subprocess.Popen(
            [sys.executable, "-m", "nablalab.cli.main", "worker", "--data-dir",
             str(self.folder), "--workers", str(threads)],
            stdout=log, stderr=subprocess.STDOUT, env=self.env, cwd=REPOSITORY)
        self.workers.append(process)
        return process

    def query(self, sql: str, *args: object) -> list[tuple]:
        with sqlite3.connect(self.folder / DATABASE_FILE, timeout=20) as db:
            return db.execute(sql, args).fetchall()

    def statuses(self) -> dict[int, str]:
        return dict(self.query("SELECT id, status FROM submissions_submission"))

    def graded_events(self) -> dict[int, int]:
        return dict(self.query("SELECT submission_id, COUNT(*) FROM submissions_gradingevent "
                               "WHERE kind = 'graded' GROUP BY submission_id"))

    def logs(self) -> str:
        return "\n".join(path.read_text(errors="replace")
                         for path in sorted(self.folder.glob("worker-*.log")))

    def stop(self) -> None:
        for process in self.workers:
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
        for process in self.workers:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def make_site(migrated, tmp_path) -> Iterator[Callable[..., Site]]:
    sites: list[Site] = []

    def make(queue_url: str = "") -> Site:
        folder = tmp_path / f"site-{len(sites)}"
        folder.mkdir()
        for name in (DATABASE_FILE, SECRET_KEY_FILE):
            shutil.copy2(migrated / name, folder / name)
        sites.append(Site(folder, queue_url))
        return sites[-1]

    yield make
    for site in sites:
        site.stop()
