"""`nablalab serve` for real: a subprocess on a free port, a data dir made from nothing, the
course page fetched over HTTP, then the server stopped; `nablalab manage` on the same data."""

from __future__ import annotations

import os
import socket
import sqlite3
import stat
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from nablalab.web.config import DATABASE_FILE, SECRET_KEY_FILE

# The commands as registered by nablalab.cli.web_commands, independent of the main CLI wiring.
RUN_COMMAND = """
import argparse, sys
from nablalab.cli import web_commands
parser = argparse.ArgumentParser(prog="nablalab")
web_commands.register(parser.add_subparsers())
args = parser.parse_args(sys.argv[1:])
sys.exit(args.func(args))
"""
STARTUP_SECONDS = 60


def nablalab(*args: str) -> list[str]:
    return [sys.executable, "-c", RUN_COMMAND, *args]


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("NABLALAB_", "DJANGO_")) and k not in ("DATABASE_URL",
                                                                        "SECRET_KEY")}
    env["PYTHONUNBUFFERED"] = "1"
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, log: Path) -> bytes:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read()
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"the server did not answer within {STARTUP_SECONDS} s:\n{log.read_text()}")


@pytest.fixture
def served(tmp_path):
    data = tmp_path / "fresh" / "data"
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            nablalab("serve", "--port", str(port), "--data-dir", str(data), "--workers", "1"),
            stdout=out, stderr=subprocess.STDOUT, env=clean_env())
    try:
        page = wait_for(f"http://127.0.0.1:{port}/", process, log)
        yield data, port, page, log
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.slow
def test_serve_prepares_everything_then_serves_the_course(served):
    data, port, page, log = served
    assert b"Mathematics for Machine Learning: Multivariate Calculus" in page
    assert f"Serving the course at http://127.0.0.1:{port}/" in log.read_text()

    # The database: created, in WAL mode, fully migrated, holding the course.
    with sqlite3.connect(data / DATABASE_FILE) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        applied = {app for (app,) in db.execute("SELECT app FROM django_migrations")}
        assert {"catalog", "learning", "reviews", "auth", "sessions"} <= applied
        assert db.execute("SELECT COUNT(*) FROM catalog_module").fetchone()[0] == 9  # 6 + 3 beyond

    key = data / SECRET_KEY_FILE
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert (data / "static" / "staticfiles.json").is_file()

    # Static files come from the app itself (whitenoise), fingerprinted.
    stylesheet = page.decode().split('rel="stylesheet" href="')[2].split('"')[0]
    assert stylesheet.startswith("/static/nablalab/css/site.")
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{stylesheet}") as response:
        assert b"--primary" in response.read()

    # Plain http on this machine: the CSRF cookie must not be HTTPS-only, or forms would fail.
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/") as response:
        cookie = response.headers["Set-Cookie"]
    assert "csrftoken=" in cookie and "Secure" not in cookie

    # Ready, and the workers' metrics are added up in the data dir's metrics folder.
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz") as response:
        assert b'"status": "ready"' in response.read()
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics") as response:
        metrics = response.read().decode()
    assert "django_http_requests_total_by_method_total" in metrics
    assert "nablalab_queue_depth" in metrics and any((data / "metrics").iterdir())


@pytest.mark.slow
def test_manage_reuses_the_data_and_syncing_again_changes_nothing(tmp_path):
    data = tmp_path / "data"
    done = subprocess.run(nablalab("manage", "--data-dir", str(data), "migrate", "-v", "0"),
                          env=clean_env(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    outputs = [subprocess.run(nablalab("manage", "--data-dir", str(data), "sync_content"),
                              env=clean_env(), capture_output=True, text=True, timeout=120)
               for _ in range(2)]
    assert all(run.returncode == 0 for run in outputs), outputs[-1].stderr
    assert "0 updated" in outputs[0].stdout and "0 unchanged" in outputs[0].stdout
    assert "0 created, 0 updated" in outputs[1].stdout and "0 deleted" in outputs[1].stdout


def test_bad_configuration_stops_serve_with_a_message(tmp_path):
    env = clean_env() | {"DATABASE_URL": "mysql://nowhere/db"}
    done = subprocess.run(nablalab("serve", "--data-dir", str(tmp_path)), env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "unsupported scheme 'mysql'" in done.stderr and "Traceback" not in done.stderr


def test_invalid_content_stops_serve_with_every_problem(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "course.md").write_text("+++\ntitle = 'Half a course'\n+++\nText.\n")
    env = clean_env() | {"NABLALAB_CONTENT_DIR": str(content)}
    done = subprocess.run(nablalab("serve", "--data-dir", str(tmp_path / "data")), env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "missing field 'slug'" in done.stderr and "no module folders" in done.stderr
    assert "Traceback" not in done.stderr
