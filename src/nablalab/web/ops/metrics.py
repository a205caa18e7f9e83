"""Prometheus metrics at ``/metrics``: request latency and counts (django-prometheus's
middleware), answer-check time, grading time and the grading queue's depth.

Under gunicorn each worker process counts for itself; when ``PROMETHEUS_MULTIPROC_DIR`` is
set (``nablalab serve`` sets it) the view adds up every process's figures, so a scrape sees
the whole server whichever worker answers it.
"""

from __future__ import annotations

import os

from django.http import HttpRequest, HttpResponse
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily

CHECK_SECONDS = Histogram(
    "nablalab_check_seconds", "Time to check one answer (parse, compare, feedback).",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5))
GRADING_SECONDS = Histogram(
    "nablalab_grading_seconds", "Time to grade one assignment submission in the sandbox.",
    buckets=(0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0))


class QueueDepthCollector:
    """Asks the queue at scrape time, so the figure is never stale."""

    def collect(self):
        from nablalab.queue.app import huey
        gauge = GaugeMetricFamily("nablalab_queue_depth",
                                  "Grading tasks waiting in the queue.")
        try:
            gauge.add_metric([], huey.pending_count())
        except Exception:  # an unreachable queue is reported by /readyz, not by a scrape error
            return
        yield gauge


QUEUE_DEPTH = QueueDepthCollector()
REGISTRY.register(QUEUE_DEPTH)


def metrics(request: HttpRequest) -> HttpResponse:
    registry = REGISTRY
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        registry.register(QUEUE_DEPTH)
    return HttpResponse(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)
