"""Backups of the course database, consistent while the site runs.

SQLite: the online backup API copies a consistent snapshot page by page (readers and
writers carry on). PostgreSQL: ``pg_dump --format=custom``, restored with ``pg_restore
--clean``. Either way the backup is one file; ``restore`` puts it back into the database
that the settings name, replacing what is there.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connections

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"


class BackupError(RuntimeError):
    """A backup or restore that cannot be done; the message says why and what to do."""


def backup(target: Path) -> str:
    """Write a backup of the database to ``target``; describe what was written."""
    database = settings.DATABASES["default"]
    target.parent.mkdir(parents=True, exist_ok=True)
    if _is_sqlite(database):
        _sqlite_copy(database["NAME"], target)
        return f"SQLite snapshot of {database['NAME']} written to {target}"
    _run([_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(target),
          database["NAME"]], database)
    return f"PostgreSQL dump of {database['NAME']} written to {target}"


def restore(source: Path) -> str:
    """Replace the database's contents with the backup in ``source``."""
    if not source.is_file():
        raise BackupError(f"{source} does not exist.")
    database = settings.DATABASES["default"]
    head = source.read_bytes()[:16]
    connections.close_all()
    if _is_sqlite(database):
        if head != SQLITE_MAGIC:
            raise BackupError(f"{source} is not an SQLite backup, and this site runs on SQLite.")
        _sqlite_copy(source, database["NAME"])
        return f"{database['NAME']} restored from {source}"
    if not head.startswith(PG_MAGIC):
        raise BackupError(f"{source} is not a PostgreSQL dump (pg_dump --format=custom), and "
                          "this site runs on PostgreSQL.")
    _run([_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction",
          "--dbname", database["NAME"], str(source)], database)
    return f"PostgreSQL database {database['NAME']} restored from {source}"


def _sqlite_copy(source: Path | str, target: Path | str) -> None:
    """SQLite's online backup: a consistent copy even while others read and write."""
    reader, writer = sqlite3.connect(source), sqlite3.connect(target)
    try:
        with writer:
            reader.backup(writer)
    finally:
        writer.close()
        reader.close()


def _is_sqlite(database: dict[str, Any]) -> bool:
    return database["ENGINE"].endswith("sqlite3")


def _tool(name: str) -> str:
    found = shutil.which(name) or next(
        (str(p) for p in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))), None)
    if found is None:
        raise BackupError(f"{name} is not installed: install PostgreSQL's client tools "
                          "(Debian: apt-get install postgresql-client).")
    return found


def _run(command: list[str], database: dict[str, Any]) -> None:
    env = {**os.environ, "PGHOST": database["HOST"], "PGPORT": database["PORT"],
           "PGUSER": database["USER"], "PGPASSWORD": database["PASSWORD"]}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {done.stderr.strip()[:2000]}")
