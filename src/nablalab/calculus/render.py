"""The step tree in a terminal: a rich Tree with rule names, plain-text maths and reasons."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text
from rich.tree import Tree

from nablalab.calculus.notation import plain
from nablalab.calculus.results import CalculusResult
from nablalab.calculus.steps import Step


def render_steps(result: CalculusResult, console: Console) -> None:
    """Print the answer and how it was found (used by the CLI and by ``nablalab tour``)."""
    title = Text.assemble((f"{result.kind}: ", "bold"), plain(result.expression))
    tree = Tree(title)
    for step in result.steps:
        _add(tree, step)
    console.print(tree)
    console.print(Text.assemble(("Result: ", "bold green"), plain(result.result)))
    if result.value is not None:
        console.print(Text.assemble(("Value: ", "bold green"), plain(result.value)))
    kind = result.extra.get("classification")
    if kind:
        console.print(Text.assemble(("Stationary point: ", "bold green"), kind))


def _add(parent: Tree, step: Step) -> None:
    label = Text.assemble(
        (step.rule, "bold cyan"), ": ", plain(step.expression), " → ", plain(step.result),
        "\n", (step.explanation, "dim"),
    )
    branch = parent.add(label)
    for sub in step.substeps:
        _add(branch, sub)
