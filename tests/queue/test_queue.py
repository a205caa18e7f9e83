"""The grading queue with real consumers: Huey on SQLite (the embedded default) and on a real
redis-server, and the crash test — workers killed with SIGKILL mid-grade, restarted, and
every submission still graded exactly once."""

from __future__ import annotations

import os
import signal

from tests.queue.conftest import REFERENCE, wait_until

GRADE_SECONDS = 60


def test_sqlite_queue_keeps_work_across_a_restart_and_grades_it(make_site, tmp_path):
    site = make_site()
    ids = site.submit(REFERENCE, 3)  # no worker running: the work waits in the queue file
    assert set(site.statuses().values()) == {"queued"}
    site.start_worker(threads=2)
    wait_until(lambda: set(site.statuses().values()) == {"graded"}, GRADE_SECONDS,
               lambda: f"{site.statuses()}\n{site.logs()}")
    assert site.graded_events() == {pk: 1 for pk in ids}
    scores = site.query("SELECT score, points, max_points FROM submissions_submission")
    assert all(score == 1.0 and points == top for score, points, top in scores)


def test_redis_queue_with_two_worker_processes(make_site, redis_url):
    site = make_site(queue_url=redis_url)
    site.start_worker()
    site.start_worker()  # as if on another machine: same database, same Redis
    ids = site.submit(REFERENCE, 4)
    wait_until(lambda: set(site.statuses().values()) == {"graded"}, GRADE_SECONDS,
               lambda: f"{site.statuses()}\n{site.logs()}")
    assert site.graded_events() == {pk: 1 for pk in ids}
    assert not (site.folder / "grading-queue.sqlite3").exists()  # Redis carried the work


def test_workers_killed_mid_grade_lose_nothing_and_grade_once(make_site, tmp_path):
    slow = tmp_path / "slow_backprop.py"  # legal and correct, but slow to load
    slow.write_text("import time\ntime.sleep(1.0)\n" + REFERENCE.read_text())
    site = make_site()
    ids = site.submit(slow, 4)
    kills = 0
    for _ in range(2):
        worker = site.start_worker(threads=2)
        wait_until(lambda: "running" in site.statuses().values(), GRADE_SECONDS,
                   lambda: f"{site.statuses()}\n{site.logs()}")
        wait_until(lambda pid=worker.pid: _grading_in(pid), 10, site.logs)
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait()
        kills += 1
    site.start_worker(threads=2)
    wait_until(lambda: set(site.statuses().values()) == {"graded"}, GRADE_SECONDS,
               lambda: f"{site.statuses()}\n{site.logs()}")

    assert site.graded_events() == {pk: 1 for pk in ids}, "graded exactly once each"
    expired = site.query("SELECT COUNT(*) FROM submissions_gradingevent "
                         "WHERE kind = 'lease-expired'")[0][0]
    assert expired >= kills, "each kill left a running submission that came back"
    attempts = dict(site.query("SELECT id, grading_attempts FROM submissions_submission"))
    assert max(attempts.values()) >= 2 and max(attempts.values()) <= 3
    scores = {score for (score,) in site.query("SELECT score FROM submissions_submission")}
    assert scores == {1.0}


def _grading_in(worker: int) -> bool:
    """The worker has a sandbox running (so the kill lands mid-grade, not between jobs)."""
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat", "rb") as stat, open(f"/proc/{pid}/cmdline",
                                                                "rb") as cmdline:
                parent = int(stat.read().rsplit(b")", 1)[1].split()[1])
                if parent == worker and b"bwrap" in cmdline.read():
                    return True
        except (OSError, ValueError, IndexError):
            continue
    return False
