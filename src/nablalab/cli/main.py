"""Entry point of the ``nablalab`` console script.

Each command module exposes ``register(subparsers)`` and sets ``func`` on its parser;
``main`` only wires them together, so adding a command never touches another's code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from nablalab import __version__
from nablalab.cli import (
    assignment_commands,
    backup_commands,
    calculus_commands,
    check_commands,
    content_commands,
    practice_commands,
    tour,
    web_commands,
    worker_commands,
)

COMMAND_MODULES = (
    tour, calculus_commands, check_commands, practice_commands, assignment_commands,
    web_commands, worker_commands, content_commands, backup_commands,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nablalab",
        description="Multivariate calculus for machine learning: course, toolkit and grader.",
    )
    parser.add_argument("--version", action="version", version=f"nablalab {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help()
        return 0
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
