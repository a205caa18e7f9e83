"""``nablalab backup FILE`` and ``nablalab restore FILE``: the course database, whole."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

FAILED = 1


def register(subparsers: argparse._SubParsersAction) -> None:
    for name, help_text, func in (
        ("backup", "write a consistent backup of the course database (safe while serving)",
         _backup),
        ("restore", "replace the course database with a backup (stop the site first)",
         _restore),
    ):
        command = subparsers.add_parser(name, help=help_text)
        command.add_argument("file", type=Path, help="the backup file")
        command.add_argument("--data-dir", type=Path, help="as for serve")
        command.set_defaults(func=func)


def _backup(args: argparse.Namespace) -> int:
    from nablalab.web import backup
    return _with_django(args, lambda: backup.backup(args.file))


def _restore(args: argparse.Namespace) -> int:
    from nablalab.web import backup
    return _with_django(args, lambda: backup.restore(args.file))


def _with_django(args: argparse.Namespace, action: Callable[[], str]) -> int:
    from nablalab.web.backup import BackupError
    from nablalab.web.config import ConfigError
    from nablalab.web.prepare import configure_django

    try:
        configure_django(args.data_dir)
        print(action())
    except (ConfigError, BackupError) as error:
        print(f"nablalab {args.command}: {error}", file=sys.stderr)
        return FAILED
    return 0
