"""``nablalab tour``: a guided first look, showing real output of each engine that exists."""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.panel import Panel

from nablalab.calculus import differentiate, hessian, render_steps
from nablalab.mathinput import MathInputError, parse

_WELCOME = (
    "[bold]nablalab[/bold] — Mathematics for Machine Learning: Multivariate Calculus, as "
    "software.\nThe course, a toolkit that shows its working, and a grader. "
    "Syllabus after Imperial College London's course; lessons and code are our own."
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("tour", help="a guided look at what nablalab can do")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    console = Console()
    console.print(Panel(_WELCOME, expand=False))

    console.rule("1. Type maths as on paper")
    for text in ("2x e^(x^2)", "sin^2 x + √(x+1)", "sinx"):
        try:
            parsed = parse(text)
            console.print(f"  [cyan]{text}[/cyan]  is read as  [bold]{parsed.text}[/bold]")
        except MathInputError as error:
            console.print(f"  [cyan]{text}[/cyan]  is refused: {error.message}. {error.hint}")

    console.rule("2. Every derivative with its reasoning")
    render_steps(differentiate("x e^x cos x"), console)

    console.rule("3. Several variables: the Hessian classifies a stationary point")
    render_steps(hessian("x^2 + x y + y^2 - 3x", variables="x,y", at="x=2,y=-1"), console)

    console.rule("Next")
    console.print(
        "  nablalab diff \"e^(sin x^2)\"        nablalab grad \"x^3 y + x + 2y\" --vars x,y\n"
        "  nablalab hessian \"x^3 y + x + 2y\" --vars x,y --at x=0,y=0\n"
        "  nablalab diff \"x^x\" --json         nablalab --help"
    )
    return 0
