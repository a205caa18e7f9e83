"""``nablalab check``: check an answer against an expected one, as the grader would.

Exit codes: 0 correct, 1 wrong (or right in value but not in the required form), 2 not
gradable (does not parse, unknown variable, could not be checked in time). ``--json``
prints ``CheckResult.to_dict()``.
"""

from __future__ import annotations

import argparse
import json
import sys

from rich.console import Console
from rich.text import Text

from nablalab.assess import KINDS, CheckResult, QuestionError, check_answer

CORRECT, WRONG, INVALID = 0, 1, 2


def register(subparsers: argparse._SubParsersAction) -> None:
    check = subparsers.add_parser("check", help="check an answer against the expected one")
    check.add_argument("--expected", required=True, help="the correct answer, e.g. \"2x cos(x^2)\"")
    check.add_argument("--answer", required=True, help="the answer to check")
    check.add_argument("--vars", help="the variables the answer may use, e.g. x,y")
    check.add_argument("--kind", default="expression", choices=sorted(KINDS),
                       help="answer kind (default: expression)")
    check.add_argument("--form", action="append",
                       help="required form: simplified, factorised, expanded, no_decimals, "
                       "exact (repeatable)")
    check.add_argument("--dp", type=int, help="numbers: decimal places required")
    check.add_argument("--sf", type=int, help="numbers: significant figures required")
    check.add_argument("--json", action="store_true", help="print the result as JSON")
    check.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    options: dict[str, object] = {}
    if args.form:
        options["form"] = args.form
    if args.dp is not None:
        options["decimal_places"] = args.dp
    if args.sf is not None:
        options["significant_figures"] = args.sf
    try:
        result = check_answer(args.expected, args.answer, kind=args.kind,
                              variables=args.vars, **options)
    except (QuestionError, TypeError) as error:
        Console(stderr=True, highlight=False).print(
            Text.assemble(("Error in the question: ", "bold red"), str(error)))
        return INVALID
    if args.json:
        sys.stdout.write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        _print(result, args.answer)
    if not result.valid:
        return INVALID
    return CORRECT if result.correct else WRONG


def _print(result: CheckResult, answer: str) -> None:
    console = Console(highlight=False)
    if result.interpreted:
        console.print(Text.assemble(("Interpreted as: ", "bold"), result.interpreted))
    if not result.valid:
        verdict = ("Not checked", "bold yellow")
    elif result.correct:
        verdict = ("Correct", "bold green")
    elif result.score > 0:
        verdict = (f"Partly right (score {result.score:.2f})", "bold yellow")
    else:
        verdict = ("Incorrect", "bold red")
    console.print(Text.assemble(("Verdict: ", "bold"), verdict))
    console.print(result.feedback)
    position = (result.error or {}).get("position")
    if isinstance(position, int) and len(answer) <= 200:
        console.print(Text(f"  {answer}\n  {' ' * position}^"))
    for part in result.parts:
        mark = ("✓", "green") if part.correct else ("✗", "red")
        console.print(Text.assemble("  ", mark, f" {part.label}",
                                    f": {part.feedback}" if part.feedback else ""))
