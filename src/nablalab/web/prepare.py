"""Everything ``nablalab serve`` does before serving, each step safe to repeat.

Create the data dir, configure Django from the environment, apply migrations, load or update
the course content, provide the front-end assets and collect static files when they changed.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from nablalab.web import SETTINGS_MODULE

STATIC_STAMP = ".nablalab-static-fingerprint"

Say = Callable[[str], None]


def configure_django(data_dir: Path | None = None) -> None:
    """Point Django at our settings (and data dir, if given) and set it up once."""
    if data_dir is not None:
        data_dir = data_dir.expanduser().resolve()
        data_dir.mkdir(parents=True, exist_ok=True)
        os.environ["NABLALAB_DATA_DIR"] = str(data_dir)
    # Ours even if the shell names another project's settings: this command serves nablalab.
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS_MODULE
    import django

    django.setup()


def prepare_site(say: Say = print) -> None:
    """Run after ``configure_django``: migrations, content, assets, static files."""
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections

    Path(settings.DATA_DIR).mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
    say(f"Database ready: {_describe_database(settings.DATABASES['default'])}")
    say(f"Course content: {sync_content(Path(settings.CONTENT_DIR))}")
    _ensure_assets(say)
    say(collect_static_if_changed())
    connections.close_all()  # never share a connection with the forked server workers


def sync_content(content_dir: Path) -> str:
    from nablalab.course import load_course
    from nablalab.web.catalog.sync import sync_course

    course, report = sync_course(load_course(content_dir))
    return f"{course.title} ({report})"


def collect_static_if_changed() -> str:
    """Collect static files only when the sources (or the storage) changed since last time."""
    from django.conf import settings
    from django.core.management import call_command

    root = Path(settings.STATIC_ROOT)
    fingerprint = _static_fingerprint(settings.STORAGES["staticfiles"]["BACKEND"])
    stamp = root / STATIC_STAMP
    if stamp.is_file() and stamp.read_text(encoding="ascii") == fingerprint:
        return "Static files: up to date"
    call_command("collectstatic", interactive=False, verbosity=0, clear=True)
    stamp.write_text(fingerprint, encoding="ascii")
    return f"Static files: collected into {root}"


def _static_fingerprint(backend: str) -> str:
    from django.contrib.staticfiles.finders import get_finders

    digest = hashlib.sha256(backend.encode())
    for finder in get_finders():
        for path, storage in sorted(finder.list([]), key=lambda entry: entry[0]):
            stat = os.stat(storage.path(path))
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _ensure_assets(say: Say) -> None:
    from nablalab.web.assets import AssetsMissing, copy_assets, vendor_ready

    if vendor_ready():
        return
    try:
        copy_assets()
        say("Front-end assets: copied KaTeX and htmx from node_modules")
    except AssetsMissing as error:
        say(f"Warning: maths will show as plain TeX and pages will not update in place: {error}")


def _describe_database(database: dict) -> str:
    if database["ENGINE"].endswith("sqlite3"):
        return f"SQLite at {database['NAME']} (WAL mode)"
    return f"PostgreSQL database {database['NAME']!r} on {database['HOST'] or 'localhost'}"
