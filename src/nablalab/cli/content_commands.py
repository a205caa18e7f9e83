"""``nablalab content check``: validate the course content before publishing it.

Exit codes: 0 nothing to fix, 1 problems found (listed with file:line and a hint), 2 the
content folder does not exist. ``--json`` prints the problems and counts as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.console import Console
from rich.text import Text

from nablalab.course import default_content_dir
from nablalab.course.check import References, Report, check_content

OK, PROBLEMS, NO_CONTENT = 0, 1, 2


def register(subparsers: argparse._SubParsersAction) -> None:
    content = subparsers.add_parser("content", help="work with the course content")
    actions = content.add_subparsers(dest="content_command", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check", help="check lessons, blocks, maths, links, activities and the glossary")
    check.add_argument("--content", type=Path, default=None,
                       help="the content folder (default: content/ of this source tree)")
    check.add_argument("--quick", action="store_true",
                       help="skip running the answer checker and the engines (much faster)")
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    check.set_defaults(func=run_check)


def course_references() -> References:
    """What the course's activities may name: the web app's quiz table and the grader's
    assignments (imported here, above the course layer)."""
    from nablalab.assignments import NAMES, load
    from nablalab.web.quizzes.catalogue import ITEM_QUIZZES, templates_for

    quizzes = {slug for slug, quiz in ITEM_QUIZZES.items() if _has_templates(templates_for, quiz)}
    return References(quizzes=quizzes, assignments={load(name).title for name in NAMES})


def _has_templates(templates_for: object, quiz: str) -> bool:
    try:
        return bool(templates_for(quiz))  # type: ignore[operator]
    except KeyError:
        return False


def run_check(args: argparse.Namespace) -> int:
    root = (args.content or default_content_dir()).resolve()
    console = Console(highlight=False, soft_wrap=True)
    if not root.is_dir():
        Console(stderr=True).print(f"[bold red]No content folder at {root}[/]")
        return NO_CONTENT
    report = check_content(root, course_references(), verify=not args.quick)
    if args.json:
        sys.stdout.write(json.dumps({"ok": report.ok, "counts": report.counts,
                                     "problems": [p.to_dict() for p in report.problems]},
                                    indent=2, ensure_ascii=False) + "\n")
    else:
        _print(console, report, root)
    return OK if report.ok else PROBLEMS


def _print(console: Console, report: Report, root: Path) -> None:
    base = root.parent
    for problem in report.problems:
        console.print(Text.assemble((problem.location(base), "bold"), f": [{problem.kind}] ",
                                    problem.message))
        if problem.hint:
            console.print(Text.assemble("    fix: ", (problem.hint, "dim")))
    counted = ", ".join(f"{count} {name}" for name, count in report.counts.items())
    if report.ok:
        console.print(Text.assemble(("Content OK", "bold green"), f" ({counted})"))
    else:
        console.print(Text.assemble((f"{len(report.problems)} problem(s)", "bold red"),
                                    f" in the content ({counted})"))
