"""The API time behind each exploration's main interaction (a slider step, a click, a typed
function), through Django's full request path in-process, with the widget result cache
cleared before every request so each one is computed. Target: p99 <= 100 ms for each
widget's main interaction (the one a learner repeats: a drag, a click, a step), so a page
redraws within a frame or two of the answer. Set-up calls made once per typed function or
new game are timed and shown too, but not judged.

Each module in ``nablalab.web.explore.endpoints`` lists its interactions in
``BENCH_CASES``: (label, path under /api/widgets/, body for the i-th request). Bodies
vary with i, as a learner dragging a slider would make them.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import time
from pathlib import Path

import numpy as np

from bench._django_latency import setup_django

RESULTS = Path(__file__).with_name("results") / "widget_latency.json"
REQUESTS = 60
WARM_UP = 5
TARGET_P99_MS = 100.0


def cases() -> list[tuple]:
    from nablalab.web.explore import endpoints
    found = []
    for info in pkgutil.iter_modules(endpoints.__path__):
        module = importlib.import_module(f"{endpoints.__name__}.{info.name}")
        found.extend(getattr(module, "BENCH_CASES", []))
    return found


def main() -> None:
    setup_django()
    from django.conf import settings
    from django.core.cache import cache
    from django.test import Client

    settings.API_RATES = {**settings.API_RATES, "widget": "1000000/min"}
    client = Client(HTTP_HOST="localhost")

    def post(label: str, path: str, body: object):
        response = client.post(f"/api/widgets/{path}", json.dumps(body),
                               content_type="application/json")
        if response.status_code != 200:
            raise RuntimeError(f"{label}: HTTP {response.status_code} {response.content[:300]!r}")
        return response

    rows = []
    for label, path, body_for, *rest in cases():
        # Options: "prepare" (i -> (path, body)), the request a page makes just before this
        # one (its answer stays cached, as in a browser session); "main": False for a
        # once-per-function set-up call rather than the interaction a learner repeats.
        options = rest[0] if rest else {}
        times = []
        for i in range(WARM_UP + REQUESTS):
            cache.clear()
            if "prepare" in options:
                post(label, *options["prepare"](i))
            start = time.perf_counter()
            response = post(label, path, body_for(i))
            elapsed = (time.perf_counter() - start) * 1000
            if i >= WARM_UP:
                times.append(elapsed)
        p99 = float(np.percentile(times, 99))
        main = options.get("main", True)
        rows.append({"widget": label, "path": path, "requests": REQUESTS, "main": main,
                     "p50_ms": float(np.percentile(times, 50)), "p99_ms": p99,
                     "max_ms": max(times), "bytes": len(response.content),
                     "meets_target": p99 <= TARGET_P99_MS if main else None})
    print(f"{'interaction':52} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'KB':>7}  target")
    for row in rows:
        verdict = ("set-up call, not judged" if row["main"] is False else
                   f"{'ok' if row['meets_target'] else 'MISSED'} (p99 <= {TARGET_P99_MS:g} ms)")
        print(f"{row['widget']:52} {row['p50_ms']:8.1f} {row['p99_ms']:8.1f} "
              f"{row['max_ms']:8.1f} {row['bytes'] / 1024:7.1f}  {verdict}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"target_p99_ms": TARGET_P99_MS, "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
