"""Shared by the in-process web latency benches (adaptive_latency, quiz_latency): a Django
set-up on a throw-away SQLite database with the course synced, percentiles, the printed
table and the JSON file. (The leading underscore keeps ``python -m bench`` from running it.)
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

RESULTS_DIR = Path(__file__).with_name("results")
WARM_TIMEOUT = 900.0  # seconds: warming every template's pool takes about a minute here

_ready = False


def setup_django() -> None:
    """Once per process: settings from a fresh data dir, migrations, the course content."""
    global _ready
    if _ready:
        return
    data = tempfile.mkdtemp(prefix="nablalab-bench-web-")
    os.makedirs(os.path.join(data, "static"))
    os.environ["NABLALAB_DATA_DIR"] = data
    os.environ["DJANGO_SETTINGS_MODULE"] = "nablalab.web.settings"
    os.environ.pop("DATABASE_URL", None)
    os.environ["NABLALAB_SUBMIT_RATE"] = "1000000/min"
    os.environ["NABLALAB_SECURE_COOKIES"] = "0"  # plain http in process, as `nablalab serve`
    os.environ["NABLALAB_SSL_REDIRECT"] = "0"
    import django
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    from nablalab.course import load_course
    from nablalab.web.catalog.sync import sync_course
    sync_course(load_course(settings.CONTENT_DIR))
    _ready = True


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    """(seconds, result) of one call."""
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def warm_pool() -> float:
    """Start the fresh-variant pool as a server worker does; seconds until it is full."""
    from nablalab.assess.questions.pool import POOL
    from nablalab.web.variant_pool import start_pool

    start = time.perf_counter()
    if not start_pool():
        raise RuntimeError("the variant pool is turned off (NABLALAB_VARIANT_POOL=0)")
    if not POOL.wait_until_idle(WARM_TIMEOUT):
        raise RuntimeError(f"the pool was not warm after {WARM_TIMEOUT:g} s")
    return time.perf_counter() - start


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def row(operation: str, seconds: list[float], target_ms: float | None) -> dict[str, Any]:
    """Summary of one operation's timings; ``target_ms`` None for figures shown for context."""
    ms = [1000 * s for s in seconds]
    p99 = percentile(ms, 0.99)
    return {"operation": operation, "n": len(ms), "p50_ms": round(statistics.median(ms), 1),
            "p99_ms": round(p99, 1), "max_ms": round(max(ms), 1), "target_p99_ms": target_ms,
            "meets_target": None if target_ms is None else p99 <= target_ms}


def report(name: str, rows: list[dict[str, Any]], **context: Any) -> None:
    """Print the table and write ``bench/results/<name>.json``."""
    width = max(len(r["operation"]) for r in rows) + 2
    print(f"{'operation':{width}} {'n':>4} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} "
          f"{'target':>7}")
    for r in rows:
        verdict = {True: "ok", False: "MISSED", None: ""}[r["meets_target"]]
        target = "-" if r["target_p99_ms"] is None else r["target_p99_ms"]
        print(f"{r['operation']:{width}} {r['n']:>4} {r['p50_ms']:>8} {r['p99_ms']:>8} "
              f"{r['max_ms']:>8} {target:>7} {verdict}")
    for key, value in context.items():
        print(f"{key.replace('_', ' ')}: {value}")
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    (RESULTS_DIR / f"{name}.json").write_text(json.dumps({**context, "results": rows},
                                                         indent=2))
