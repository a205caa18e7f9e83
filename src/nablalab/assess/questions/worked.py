"""Worked solutions from the engines' own output: step trees, series tables, iterations.

Nothing here knows an answer: it only renders what an engine computed, so the solution a
learner reads is the calculation that produced the reference answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import sympy as sp

from nablalab.calculus import CalculusResult, Step
from nablalab.mathinput import latex
from nablalab.taylor import TaylorSeries

_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "*_$`[]<>#|"})


def escape(text: str) -> str:
    """Plain text (an engine's explanation) made safe inside Markdown."""
    return text.translate(_MARKDOWN_SPECIAL)


def derivation(result: CalculusResult, intro: str = "") -> str:
    """A calculus step tree as a nested Markdown list: rule, reason, and the LaTeX."""
    lines = [intro] if intro else []
    for step in result.steps:
        lines.extend(_step_lines(step, 0))
    return "\n".join(lines)


def _step_lines(step: Step, depth: int) -> list[str]:
    indent = "  " * depth
    rule = step.rule[0].upper() + step.rule[1:]
    lines = [f"{indent}- **{rule}.** {escape(step.explanation)} ${step.latex}$"]
    for sub in step.substeps:
        lines.extend(_step_lines(sub, depth + 1))
    return lines


def series_table(series: TaylorSeries) -> str:
    """The Taylor table: n, f⁽ⁿ⁾(x), f⁽ⁿ⁾(a), coefficient f⁽ⁿ⁾(a)/n!, term."""
    rows = ["| $n$ | $f^{(n)}(x)$ | $f^{(n)}(a)$ | $f^{(n)}(a)/n!$ | term |",
            "|---|---|---|---|---|"]
    rows += [f"| ${t.order}$ | ${latex(t.derivative)}$ | ${latex(t.value)}$ | "
             f"${latex(t.coefficient)}$ | ${latex(t.term)}$ |" for t in series.terms]
    return "\n".join(rows)


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A Markdown table; SymPy cells are written in LaTeX, floats to 6 figures."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _cell(value: object) -> str:
    if isinstance(value, sp.Basic):
        return f"${latex(value)}$"
    if isinstance(value, float):
        return f"${value:.6g}$"
    return str(value)


def math(value: object) -> str:
    """Inline LaTeX for a SymPy value (or anything sympify-able that a template built)."""
    return f"${latex(sp.sympify(value))}$"
