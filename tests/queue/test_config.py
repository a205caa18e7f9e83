"""Choosing the queue: SQLite by default, Redis by URL, anything else refused clearly; and
`nablalab serve` starts a grading worker unless told not to."""

from __future__ import annotations

import subprocess
import sys

import pytest
from huey import RedisHuey, SqliteHuey

from nablalab.queue.app import QueueConfigError, build_huey
from nablalab.web.server import CourseServer
from tests.web.test_serve import clean_env


def test_the_embedded_queue_is_sqlite_and_redis_is_chosen_by_url(tmp_path):
    assert isinstance(build_huey("", str(tmp_path / "q.sqlite3")), SqliteHuey)
    assert isinstance(build_huey("redis://127.0.0.1:6390/0", ""), RedisHuey)
    with pytest.raises(QueueConfigError, match="use redis://host:6379/0"):
        build_huey("amqp://broker/", "")


def test_a_worker_with_a_bad_queue_url_stops_with_a_message(tmp_path):
    env = clean_env() | {"NABLALAB_QUEUE_URL": "amqp://broker/"}
    done = subprocess.run([sys.executable, "-m", "nablalab.cli.main", "worker", "--data-dir",
                           str(tmp_path)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "NABLALAB_QUEUE_URL='amqp://broker/'" in done.stderr and "Traceback" not in done.stderr


def test_serve_starts_a_grading_worker_unless_told_not_to():
    assert {"on_starting", "on_exit"} <= CourseServer("127.0.0.1", 8000, 1).options.keys()
    assert "on_starting" not in CourseServer("127.0.0.1", 8000, 1,
                                             grading_worker=False).options
