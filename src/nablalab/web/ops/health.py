"""``/healthz``: the process answers (for a load balancer's liveness check).
``/readyz``: it can do its job — the database answers, the grading queue is reachable, the
sandbox starts — each check timed, 503 when any fails, so a balancer stops sending work to
an app server that cannot serve it."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.http import HttpRequest, JsonResponse

SANDBOX_RECHECK_SECONDS = 300.0  # a sandbox probe starts Python in bubblewrap: not every call


@dataclass
class _Remembered:
    at: float = -1e9
    ok: bool = False
    detail: str = ""


_sandbox = _Remembered()


def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def readyz(request: HttpRequest) -> JsonResponse:
    checks = {name: _timed(check) for name, check in CHECKS.items()}
    ready = all(result["ok"] for result in checks.values())
    return JsonResponse({"status": "ready" if ready else "not ready", "checks": checks},
                        status=200 if ready else 503)


def _timed(check: Callable[[], str]) -> dict[str, object]:
    start = time.perf_counter()
    try:
        detail, ok = check(), True
    except Exception as error:  # a probe reports every failure, whatever its type
        detail, ok = f"{type(error).__name__}: {error}", False
    return {"ok": ok, "detail": detail, "ms": round((time.perf_counter() - start) * 1000, 1)}


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return connection.vendor


def _queue() -> str:
    from nablalab.queue.app import huey
    return f"{type(huey).__name__}, {huey.pending_count()} task(s) waiting"


def _sandbox_probe() -> str:
    now = time.monotonic()
    if now - _sandbox.at > SANDBOX_RECHECK_SECONDS:
        from nablalab.grader.doctor import diagnose
        failed = [f for f in diagnose() if not f.ok and f.name != "process-count limit"]
        _sandbox.at, _sandbox.ok = now, not failed
        _sandbox.detail = "; ".join(f"{f.name}: {f.detail}" for f in failed) or "bubblewrap ok"
    if not _sandbox.ok:
        raise RuntimeError(_sandbox.detail)
    return _sandbox.detail


CHECKS: dict[str, Callable[[], str]] = {
    "database": _database, "queue": _queue, "sandbox": _sandbox_probe}
