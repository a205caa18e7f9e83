"""Serving the prepared app with gunicorn (the same ``nablalab.web.wsgi:application`` a
deployment would run), announcing the URL once the workers are up."""

from __future__ import annotations

from typing import Any

from gunicorn.app.base import BaseApplication

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def site_url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


class CourseServer(BaseApplication):
    def __init__(self, host: str, port: int, workers: int) -> None:
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
        }
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            if key in self.cfg.settings:  # older gunicorn releases lack the control socket
                self.cfg.set(key, value)

    def load(self) -> Any:
        from nablalab.web.wsgi import application

        return application
