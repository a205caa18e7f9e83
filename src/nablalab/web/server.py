"""Serving the prepared app with gunicorn (the same ``nablalab.web.wsgi:application`` a
deployment would run), announcing the URL once the workers are up."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from gunicorn.app.base import BaseApplication

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def site_url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def share_metrics_between_workers(data_dir: Path) -> None:
    """Prometheus figures from every gunicorn worker, added up at each scrape: the client
    library reads this variable when it is first imported, so call this before Django is
    set up. The folder starts empty (old workers' files would count twice)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return
    folder = Path(data_dir).expanduser().resolve() / "metrics"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(folder)


def forget_dead_worker(_server: object, worker: Any) -> None:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)


def start_variant_pool(_server: object, _worker: object) -> None:
    """Each worker pre-generates its own fresh variants, in the background, after the fork."""
    from nablalab.web.variant_pool import start_pool

    start_pool()


class CourseServer(BaseApplication):
    def __init__(self, host: str, port: int, workers: int, grading_worker: bool = True) -> None:
        bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        url = site_url(host, port)
        self.options: dict[str, Any] = {
            "bind": bind,
            "workers": workers,
            # Plain sync workers: measured with wrk on 2 cores, gthread's kept-alive
            # connections gave lesson pages a p99 of 400-600 ms against 20-25 ms here.
            # In production nginx buffers slow clients in front of them (deploy docs).
            "worker_class": "sync",
            "accesslog": "-",
            "preload_app": True,
            "timeout": 60,
            "control_socket_disable": True,  # no admin socket in the home directory
            "when_ready": lambda _server: print(f"Serving the course at {url} "
                                                "(press Ctrl+C to stop)", flush=True),
            "post_fork": start_variant_pool,
            "child_exit": forget_dead_worker,
        }
        if grading_worker:  # one `nablalab worker` beside the server, so submissions get graded
            from nablalab.queue.embedded import gunicorn_hooks

            self.options.update(gunicorn_hooks())
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            if key in self.cfg.settings:  # older gunicorn releases lack the control socket
                self.cfg.set(key, value)

    def load(self) -> Any:
        from nablalab.web.wsgi import application

        return application
