"""Web load: wrk against `nablalab serve` (gunicorn, 4 workers) on PostgreSQL.

Three routes, anonymous: the course page, a lesson, and answer checking (POST /api/check to a
"try it" question from a Lua script: right and wrong answers in turn, each written with a
different coefficient, so that almost no answer text repeats and no cache flatters it); and
the course page again as an enrolled learner (a session made for the run, sent as a cookie). The
rate limit is lifted for the run (NABLALAB_CHECK_RATE) so that every request is really
served. Installs wrk and PostgreSQL through scripts/ when missing and uses its own
database, nablalab_bench.

Targets: lesson p99 <= 50 ms at 50 connections; the course page (a visitor's) p99 <= 60 ms;
answer check p99 <= 150 ms; no errors.
Run: .venv/bin/python -m bench.web_load
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).with_name("results") / "web_load.json"
WORKERS = 4
DURATION = "10s"
THREADS = 2
LESSON = "/modules/what-is-calculus/lessons/product-rule/"
CHECK_LUA = """
local forms = {"%d*x*cos(x)/%d", "x^2*cos(x) + %d*x*sin(x)/%d", "%d*x*sin(x)/%d - x^2*cos(x)"}
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  local k = math.random(1, 1000000)
  local answer = string.format(forms[n % #forms + 1], 2 * k, k)
  local body = '{"question": "product-rule-x2-sin", "answer": "' .. answer .. '"}'
  return wrk.format(nil, "/api/check", nil, body)
end
"""
# Run by `nablalab manage shell` against the server's database and data dir (its secret key):
# an enrolled learner and a signed-in session for them; prints the session cookie.
LEARNER_SESSION = """
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from nablalab.web.catalog.lookup import site_course
from nablalab.web.learning.models import Enrolment
learner, _ = get_user_model().objects.get_or_create(username="bench-learner")
Enrolment.objects.get_or_create(learner=learner, course=site_course())
session = SessionStore()
session.update({SESSION_KEY: str(learner.pk), HASH_SESSION_KEY: learner.get_session_auth_hash(),
                BACKEND_SESSION_KEY: settings.AUTHENTICATION_BACKENDS[0]})
session.create()
print(settings.SESSION_COOKIE_NAME + "=" + session.session_key)
"""


@dataclass(frozen=True)
class Route:
    name: str
    path: str
    connections: int
    target_p99_ms: float | None
    lua: str | None = None
    signed_in: bool = False


ROUTES = (
    Route("course page", "/", 50, 60.0),
    Route("course learner", "/", 50, None, signed_in=True),
    Route("lesson", LESSON, 50, 50.0),
    Route("answer check", "/api/check", 50, 150.0, CHECK_LUA),
    Route("answer check", "/api/check", 10, 150.0, CHECK_LUA),
)


@dataclass(frozen=True)
class Figures:
    route: str
    connections: int
    requests: int
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    errors: int
    target_p99_ms: float | None

    @property
    def verdict(self) -> str:
        if self.errors:
            return "ERRORS"
        if self.target_p99_ms is None:
            return "-"
        return "met" if self.p99_ms <= self.target_p99_ms else "MISSED"


def main() -> None:
    script = ROOT / "scripts"
    subprocess.run(["bash", str(script / "ensure-debian-packages.sh"), "wrk"], check=True)
    database_url = subprocess.run(
        ["bash", str(script / "ensure-postgres.sh")], check=True, capture_output=True,
        text=True, env=os.environ | {"NABLALAB_PG_DB": "nablalab_bench"}).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="nablalab-web-load-") as folder:
        port = _free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("NABLALAB_")}
        env |= {"DATABASE_URL": database_url, "NABLALAB_CHECK_RATE": "1000000/s",
                "PYTHONUNBUFFERED": "1"}
        log = Path(folder) / "serve.log"
        with log.open("w") as out:
            server = subprocess.Popen(
                [sys.executable, "-m", "nablalab.cli.main", "serve", "--port", str(port),
                 "--data-dir", str(Path(folder) / "data"), "--workers", str(WORKERS)],
                stdout=out, stderr=subprocess.STDOUT, env=env)
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_until_up(base + "/", server, log)
            cookie = _learner_cookie(base, env, Path(folder) / "data")
            figures = [_measure(base, route, Path(folder), cookie) for route in ROUTES]
        finally:
            server.terminate()
            server.wait(timeout=60)
    _report(figures)


def _learner_cookie(base: str, env: dict[str, str], data_dir: Path) -> str:
    output = subprocess.run(
        [sys.executable, "-m", "nablalab.cli.main", "manage", "--data-dir", str(data_dir),
         "shell", "-c", LEARNER_SESSION], check=True, capture_output=True, text=True,
        env=env).stdout
    cookie = output.strip().splitlines()[-1]
    # Measure a learner's page, not a visitor's: the session must really sign in.
    with urllib.request.urlopen(urllib.request.Request(base + "/", headers={"Cookie": cookie}),
                                timeout=10) as response:
        if "Go to your dashboard" not in response.read().decode():
            raise RuntimeError("the bench learner's session does not sign in")
    return cookie


def _measure(base: str, route: Route, folder: Path, cookie: str) -> Figures:
    command = ["wrk", f"-t{THREADS}", f"-c{route.connections}", f"-d{DURATION}", "--latency"]
    if route.signed_in:
        command += ["-H", f"Cookie: {cookie}"]
    if route.lua:
        lua = folder / "check.lua"
        lua.write_text(route.lua)
        command += ["-s", str(lua)]
    # A short warm-up (each worker loads content, forks checkers, opens its connection).
    warm_up = [*command[:3], "-d2s", *command[5:]]  # the same requests (script), only shorter
    subprocess.run([*warm_up, base + route.path], check=True, capture_output=True)
    output = subprocess.run([*command, base + route.path], check=True, capture_output=True,
                            text=True).stdout
    return Figures(route=route.name, connections=route.connections,
                   requests=int(_find(r"(\d+) requests in", output)),
                   requests_per_s=float(_find(r"Requests/sec:\s+([\d.]+)", output)),
                   p50_ms=_milliseconds(_find(r"\s50%\s+(\S+)", output)),
                   p99_ms=_milliseconds(_find(r"\s99%\s+(\S+)", output)),
                   errors=_errors(output), target_p99_ms=route.target_p99_ms)


def _errors(output: str) -> int:
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
                        output)
    return (int(non_2xx.group(1)) if non_2xx else 0) + (
        sum(int(n) for n in sockets.groups()) if sockets else 0)


def _find(pattern: str, text: str) -> str:
    match = re.search(pattern, text)
    if match is None:
        raise RuntimeError(f"wrk output without {pattern!r}:\n{text}")
    return match.group(1)


def _milliseconds(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}[unit]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server stopped:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"the server did not start:\n{log.read_text()}")


def _report(figures: list[Figures]) -> None:
    print(f"{'route':<14}{'conns':>6}{'requests':>10}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
          f"{'errors':>8}{'target p99':>12}  verdict")
    for row in figures:
        target = f"<= {row.target_p99_ms:g}" if row.target_p99_ms else "-"
        print(f"{row.route:<14}{row.connections:>6}{row.requests:>10}{row.requests_per_s:>9.0f}"
              f"{row.p50_ms:>9.1f}{row.p99_ms:>9.1f}{row.errors:>8}{target:>12}  {row.verdict}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({
        "workers": WORKERS, "duration": DURATION, "database": "postgresql",
        "routes": [asdict(row) | {"verdict": row.verdict} for row in figures]}, indent=2))
    print(f"figures written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
