"""How expressions are written in a step: the parser's own plain text and LaTeX, plus d/dx.

SymPy's ``str`` is kept for machine-readable fields; these forms are what a person reads
in a step, so they follow the course's handwriting (``e^(x^2 - 3)``, ``ln(x)``, ``|x|``).
"""

from __future__ import annotations

import sympy as sp

from nablalab.mathinput import latex
from nablalab.mathinput import plain_text as plain

__all__ = ["d_operator", "d_operator_latex", "latex", "parenthesised", "plain"]


def d_operator(var: sp.Symbol, partial: bool) -> str:
    """``d/dx`` for a one-variable derivative, ``∂/∂x`` when other variables are held fixed."""
    return f"∂/∂{var}" if partial else f"d/d{var}"


def d_operator_latex(var: sp.Symbol, partial: bool) -> str:
    symbol = r"\partial" if partial else "d"
    return rf"\frac{{{symbol}}}{{{symbol} {sp.latex(var)}}}"


def parenthesised(expr: sp.Basic) -> str:
    """Plain text, in brackets when it would otherwise read wrongly after an operator."""
    text = plain(expr)
    if (expr.is_Atom and not expr.could_extract_minus_sign()) or isinstance(expr, sp.Function):
        return text
    return f"({text})"
