"""``nablalab assignment list|get|check`` and ``nablalab doctor``.

Exit codes for check: 0 all tests passed, 1 some failed, 2 could not grade (no sandbox,
unknown assignment, missing file).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from nablalab.assignments import catalog
from nablalab.assignments.handout import hand_out
from nablalab.assignments.notebook import graded_source
from nablalab.grader.doctor import diagnose
from nablalab.grader.harness import grade
from nablalab.grader.sandbox import SandboxUnavailable

PASSED, FAILED, NOT_GRADED = 0, 1, 2


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("assignment", help="programming assignments: get and check")
    commands = parser.add_subparsers(dest="assignment_command", metavar="ACTION", required=True)
    commands.add_parser("list", help="list the assignments").set_defaults(func=run_list)
    get = commands.add_parser("get", help="copy an assignment's statement, starter and "
                              "public tests into a folder")
    get.add_argument("name")
    get.add_argument("dir", nargs="?", help="target folder (default: ./NAME)")
    get.set_defaults(func=run_get)
    check = commands.add_parser("check", help="grade your file (.py or .ipynb) in the sandbox")
    check.add_argument("name")
    check.add_argument("file", type=Path)
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    check.set_defaults(func=run_check)
    doctor = subparsers.add_parser("doctor", help="check that this machine can grade safely")
    doctor.set_defaults(func=run_doctor)


def run_list(args: argparse.Namespace) -> int:
    for name in catalog.NAMES:
        print(f"{name:20} {catalog.load(name).title}")
    return PASSED


def run_get(args: argparse.Namespace) -> int:
    try:
        files = hand_out(args.name, Path(args.dir or args.name))
    except catalog.UnknownAssignment as error:
        print(error, file=sys.stderr)
        return NOT_GRADED
    for path in files:
        print(path)
    return PASSED


def run_check(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        print(f"No such file: {args.file}", file=sys.stderr)
        return NOT_GRADED
    try:
        assignment = catalog.load(args.name)
        with tempfile.TemporaryDirectory(prefix="nablalab-check-") as tmp:
            source = args.file
            if source.suffix == ".ipynb":
                source = Path(tmp) / "notebook.py"
                source.write_text(graded_source(args.file.read_text()))
            report = grade(assignment, source)
    except (catalog.UnknownAssignment, SandboxUnavailable) as error:
        print(error, file=sys.stderr)
        return NOT_GRADED
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(report.to_text())
    return PASSED if report.points == report.max_points else FAILED


def run_doctor(args: argparse.Namespace) -> int:
    findings = diagnose()
    for finding in findings:
        print(f"[{'ok' if finding.ok else '!!'}] {finding.name}: {finding.detail}")
    return PASSED if all(f.ok for f in findings) else FAILED
