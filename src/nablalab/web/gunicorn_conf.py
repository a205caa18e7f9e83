"""Gunicorn hooks for a deployment that runs gunicorn itself
(``gunicorn -c python:nablalab.web.gunicorn_conf nablalab.web.wsgi:application``): each
worker warms its own pool of fresh questions after the fork, and a dead worker's metrics
files are retired. ``nablalab serve`` installs the same hooks."""

from nablalab.web.server import forget_dead_worker as child_exit
from nablalab.web.server import start_variant_pool as post_fork

__all__ = ["child_exit", "post_fork"]
