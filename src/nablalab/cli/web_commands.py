"""``nablalab serve | manage | assets``: run the course web app and look after it.

Django is imported only when one of these commands runs, so the rest of the CLI stays quick.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

FAILED = 1
BAD_CONFIG = 2


def register(subparsers: argparse._SubParsersAction) -> None:
    serve = subparsers.add_parser(
        "serve", help="run the course website (prepares the database and content first)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=_port, default=8000, help="port (default 8000)")
    serve.add_argument("--data-dir", type=Path, help="database, key and static files "
                       "(default NABLALAB_DATA_DIR or ~/.local/share/nablalab)")
    serve.add_argument("--workers", type=_workers, default=2,
                       help="server processes (default 2)")
    serve.add_argument("--no-worker", action="store_true", help="do not start a grading "
                       "worker (run `nablalab worker` elsewhere, e.g. with NABLALAB_QUEUE_URL)")
    serve.set_defaults(func=_serve)

    manage = subparsers.add_parser(
        "manage", help="Django's management commands, e.g. createsuperuser or sync_content")
    manage.add_argument("--data-dir", type=Path, help="as for serve")
    manage.add_argument("django_args", nargs=argparse.REMAINDER, metavar="COMMAND ...")
    manage.set_defaults(func=_manage)

    assets = subparsers.add_parser(
        "assets", help="copy the front-end packages (KaTeX, htmx, Plotly.js, CodeMirror) "
                       "from node_modules (after `npm ci`) into the app")
    assets.set_defaults(func=_assets)


def _port(text: str) -> int:
    return _whole_number(text, 1, 65535, "a port number from 1 to 65535")


def _workers(text: str) -> int:
    return _whole_number(text, 1, 64, "a number of workers from 1 to 64")


def _whole_number(text: str, low: int, high: int, wanted: str) -> int:
    if not text.isdigit() or not low <= int(text) <= high:
        raise argparse.ArgumentTypeError(f"{text!r} is not {wanted}")
    return int(text)


def _serve(args: argparse.Namespace) -> int:
    from nablalab.course import ContentError
    from nablalab.web.config import ConfigError, data_dir
    from nablalab.web.server import LOOPBACK, CourseServer, share_metrics_between_workers

    share_metrics_between_workers(args.data_dir or data_dir(os.environ))
    if "NABLALAB_SECURE_COOKIES" not in os.environ and args.host in LOOPBACK:
        # Plain http on this machine: HTTPS-only cookies would make logging in impossible.
        os.environ["NABLALAB_SECURE_COOKIES"] = "0"
    try:
        from nablalab.web.prepare import configure_django, prepare_site

        configure_django(args.data_dir)
        prepare_site()
    except ConfigError as error:
        print(f"nablalab serve: {error}", file=sys.stderr)
        return BAD_CONFIG
    except ContentError as error:
        print(f"nablalab serve: {error}", file=sys.stderr)
        return FAILED
    if args.host not in LOOPBACK:
        print("Note: reachable from other machines. Set NABLALAB_ALLOWED_HOSTS to the names "
              "people use, and serve through HTTPS (cookies are HTTPS-only unless "
              "NABLALAB_SECURE_COOKIES=0).")
    CourseServer(args.host, args.port, args.workers, grading_worker=not args.no_worker).run()
    return 0


def _manage(args: argparse.Namespace) -> int:
    from django.core.management import execute_from_command_line

    from nablalab.web.config import ConfigError
    from nablalab.web.prepare import configure_django

    try:
        configure_django(args.data_dir)
    except ConfigError as error:
        print(f"nablalab manage: {error}", file=sys.stderr)
        return BAD_CONFIG
    execute_from_command_line(["nablalab manage", *args.django_args])
    return 0


def _assets(_args: argparse.Namespace) -> int:
    from nablalab.web.assets import AssetsMissing, copy_assets

    try:
        written = copy_assets()
    except AssetsMissing as error:
        print(f"nablalab assets: {error}", file=sys.stderr)
        return FAILED
    print(f"Copied {len(written)} front-end assets into {written[0].parents[1]}")
    return 0
