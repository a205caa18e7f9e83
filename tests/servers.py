"""Real servers for tests that need one: a redis-server on a free port in a temp dir."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.web.test_serve import free_port

REDIS_SERVER = Path("/usr/bin/redis-server")


def wait_until(check: Callable[[], bool], seconds: float, why: Callable[[], str]) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    pytest.fail(f"not done within {seconds} s: {why()}")


@pytest.fixture
def redis_url(tmp_path) -> Iterator[str]:
    if not REDIS_SERVER.is_file():
        pytest.fail(f"{REDIS_SERVER} is missing: run `sudo apt-get install redis-server` "
                    "(Redis mode is tested against a real server)")
    port = free_port()
    folder = tmp_path / "redis"
    folder.mkdir()
    process = subprocess.Popen([str(REDIS_SERVER), "--port", str(port), "--bind", "127.0.0.1",
                                "--dir", str(folder), "--save", "", "--appendonly", "no"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        import redis

        client = redis.Redis(port=port)
        wait_until(lambda: _pings(client), 10, lambda: "redis-server did not answer")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _pings(client: object) -> bool:
    import redis

    try:
        return bool(client.ping())
    except redis.ConnectionError:
        return False
