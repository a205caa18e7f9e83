"""``nablalab assignment list|get|check|submit`` and ``nablalab doctor``.

Exit codes for check and submit: 0 all tests passed, 1 some failed, 2 could not grade (no
sandbox, unknown assignment, missing file; for submit also: refused by the server, or
grading failed there through no fault of yours).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from nablalab.assignments import catalog
from nablalab.assignments.handout import hand_out
from nablalab.assignments.notebook import graded_source
from nablalab.grader.doctor import diagnose
from nablalab.grader.harness import grade
from nablalab.grader.report import Report, TestOutcome
from nablalab.grader.sandbox import SandboxUnavailable

PASSED, FAILED, NOT_GRADED = 0, 1, 2
TOKEN_ENV = "NABLALAB_TOKEN"
POLL_SECONDS = (0.2, 0.3, 0.5, 1.0, 2.0)  # quick at first: backprop grades in about 0.3 s


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
    submit = commands.add_parser("submit", help="send your file to a nablalab server to be "
                                 "graded and recorded, and wait for the result")
    submit.add_argument("name")
    submit.add_argument("file", type=Path)
    submit.add_argument("--server", required=True, help="the site's address, e.g. "
                        "https://nablalab.example.org/")
    submit.add_argument("--token", help=f"your API token (default: ${TOKEN_ENV}); create one "
                        "on the site under Assignments, API tokens")
    submit.add_argument("--json", action="store_true", help="print the result as JSON")
    submit.add_argument("--timeout", type=float, default=300,
                        help="seconds to wait for the result (default 300)")
    submit.set_defaults(func=run_submit)
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


class ServerRefused(RuntimeError):
    """The server answered with an error; the message says what to do."""


def run_submit(args: argparse.Namespace) -> int:
    token = args.token or os.environ.get(TOKEN_ENV, "")
    if not token:
        print(f"No API token: pass --token or set {TOKEN_ENV}. Create one on the site at "
              f"{_url(args.server, 'assignments/tokens/')}", file=sys.stderr)
        return NOT_GRADED
    try:
        source = _source_of(args.file)
        answer = _request(args.server, f"api/assignments/{args.name}/submissions", token,
                          {"filename": args.file.name, "source": source})
        print(f"Submitted {args.file.name}: {answer['status']}", file=sys.stderr)
        answer = _wait(args.server, token, str(answer["id"]), args.timeout)
    except (OSError, UnicodeDecodeError, ValueError, ServerRefused) as error:
        print(f"nablalab assignment submit: {error}", file=sys.stderr)
        return NOT_GRADED
    if args.json:
        print(json.dumps(answer, indent=2, ensure_ascii=False))
    if answer["status"] != "graded":
        print(f"{args.name}: {answer['status_text']}", file=sys.stderr)
        return NOT_GRADED
    if not args.json:
        report = Report(answer["assignment"], [TestOutcome(**test) for test in answer["tests"]],
                        problem=answer["problem"])
        print(report.to_text())
    return PASSED if answer["points"] == answer["max_points"] else FAILED


def _source_of(path: Path) -> str:
    """The code to send: a .py file's text, or a notebook's graded code cells."""
    text = path.read_text(encoding="utf-8")
    return graded_source(text) if path.suffix == ".ipynb" else text


def _url(server: str, path: str) -> str:
    return server.rstrip("/") + "/" + path


def _request(server: str, path: str, token: str, body: dict[str, Any] | None = None) -> Any:
    request = urllib.request.Request(
        _url(server, path), data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {token}", "Accept": "application/json",
                 "Content-Type": "application/json"}, method="GET" if body is None else "POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as error:
        raise ServerRefused(_explain(server, error)) from None


def _explain(server: str, error: urllib.error.HTTPError) -> str:
    if error.code == 401:
        return ("the server did not accept your token (mistyped, or revoked): create one at "
                f"{_url(server, 'assignments/tokens/')}")
    try:
        detail = json.loads(error.read()).get("detail")
    except ValueError:
        detail = None
    return f"the server refused ({error.code}): {detail or error.reason}"


def _wait(server: str, token: str, submission_id: str, timeout: float) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    pauses = iter(POLL_SECONDS)
    while True:
        answer = _request(server, f"api/submissions/{submission_id}", token)
        if answer["status"] in ("graded", "failed"):
            return answer
        if time.monotonic() > deadline:
            raise ServerRefused(f"still {answer['status']} after {timeout:g} s; see the "
                                f"assignment page on {server} for the result")
        time.sleep(next(pauses, POLL_SECONDS[-1]))


def run_doctor(args: argparse.Namespace) -> int:
    findings = diagnose()
    for finding in findings:
        print(f"[{'ok' if finding.ok else '!!'}] {finding.name}: {finding.detail}")
    return PASSED if all(f.ok for f in findings) else FAILED
