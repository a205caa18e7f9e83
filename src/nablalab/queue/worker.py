"""``nablalab worker``: a Huey consumer that grades, plus a reaper that puts submissions left
by dead workers back on the queue.

Threads, not processes: a grading thread mostly waits for its sandboxed subprocess. The
consumer polls SQLite at most every 0.25 s when idle (Huey's default backs off to 10 s, too
slow for a learner watching the page); Redis blocks on the list, so it answers at once.
"""

from __future__ import annotations

import logging
import threading

from django.db import connection

from nablalab.queue.tasks import huey, requeue_lost
from nablalab.web.submissions import lifecycle

log = logging.getLogger(__name__)
IDLE_POLL_SECONDS = 0.25


def reap_forever(stop: threading.Event) -> None:
    """Every half lease: expired leases back to the queue (or failed after 3 attempts)."""
    interval = lifecycle.lease().total_seconds() / 2
    while not stop.wait(interval):
        try:
            requeue_lost()
        except Exception:  # a database or queue hiccup: try again next round
            log.exception("requeueing expired leases failed")
            connection.close()


def run(workers: int) -> None:
    requeue_lost()
    stop = threading.Event()
    reaper = threading.Thread(target=reap_forever, args=(stop,), daemon=True, name="reaper")
    reaper.start()
    consumer = huey.create_consumer(workers=workers, worker_type="thread", periodic=False,
                                    initial_delay=0.05, backoff=1.5,
                                    max_delay=IDLE_POLL_SECONDS)
    try:
        consumer.run()
    finally:
        stop.set()
