"""``nablalab diff | grad | jacobian | hessian``: the calculus engine on the command line.

Human output is the rich step tree; ``--json`` prints ``to_dict()``. Bad input prints the
parser's message (with a caret under the culprit) and exits with code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from rich.console import Console
from rich.text import Text

from nablalab.calculus import (
    CalculusError,
    CalculusResult,
    differentiate,
    gradient,
    hessian,
    jacobian,
    render_steps,
)
from nablalab.mathinput import MathInputError

BAD_INPUT = 2


def register(subparsers: argparse._SubParsersAction) -> None:
    diff = subparsers.add_parser("diff", help="differentiate an expression, step by step")
    diff.add_argument("expr", help="the function, e.g. \"x^2 sin(x)\"")
    diff.add_argument("--wrt", help="variable, or several for a mixed derivative (x,y)")
    diff.add_argument("--order", type=int, default=1, help="how many times (default 1)")
    _common(diff, lambda a: differentiate(a.expr, wrt=a.wrt, order=a.order, at=a.at))

    grad = subparsers.add_parser("grad", help="gradient of a function of several variables")
    grad.add_argument("expr", help="the function, e.g. \"x^2 + 3xy\"")
    grad.add_argument("--vars", help="variables in order, e.g. x,y (default: all, sorted)")
    _common(grad, lambda a: gradient(a.expr, variables=a.vars, at=a.at))

    jac = subparsers.add_parser("jacobian", help="Jacobian matrix of a vector function")
    jac.add_argument("expr", help="the components, e.g. \"[x^2 y, sin(x) + y]\"")
    jac.add_argument("--vars", help="variables in order, e.g. x,y (default: all, sorted)")
    _common(jac, lambda a: jacobian(a.expr, variables=a.vars, at=a.at))

    hes = subparsers.add_parser("hessian", help="Hessian matrix (and the stationary point's kind)")
    hes.add_argument("expr", help="the function, e.g. \"x^3 y + x + 2y\"")
    hes.add_argument("--vars", help="variables in order, e.g. x,y (default: all, sorted)")
    _common(hes, lambda a: hessian(a.expr, variables=a.vars, at=a.at))


def _common(parser: argparse.ArgumentParser,
            compute: Callable[[argparse.Namespace], CalculusResult]) -> None:
    parser.add_argument("--at", help="evaluate at a point, e.g. x=1 or x=1,y=2")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(func=lambda args: _run(args, compute))


def _run(args: argparse.Namespace, compute: Callable[[argparse.Namespace], CalculusResult]
         ) -> int:
    try:
        result = compute(args)
    except (MathInputError, CalculusError) as error:
        _report(error)
        return BAD_INPUT
    if args.json:
        sys.stdout.write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        render_steps(result, Console())
    return 0


def _report(error: MathInputError | CalculusError) -> None:
    errors = Console(stderr=True, highlight=False)
    errors.print(Text.assemble(("Error: ", "bold red"), error.message))
    caret = getattr(error, "caret", "")
    if caret:
        errors.print(Text(caret))
    if error.hint:
        errors.print(Text(f"Hint: {error.hint}"))
