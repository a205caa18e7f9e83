"""How a parsed answer is shown back: canonical plain text (which ``parse`` reads again to the
same object) and LaTeX for KaTeX."""

from __future__ import annotations

import sympy as sp
from sympy.printing.str import StrPrinter


class _PlainPrinter(StrPrinter):
    """SymPy's text form in the notation learners type: ^, abs(...), e."""

    def _print_Abs(self, expr: sp.Abs) -> str:
        return f"abs({self._print(expr.args[0])})"

    def _print_Exp1(self, expr: sp.Expr) -> str:
        return "e"

    def _print_Infinity(self, expr: sp.Expr) -> str:
        return "oo"

    def _print_Equality(self, expr: sp.Eq) -> str:
        return f"{self._print(expr.lhs)} = {self._print(expr.rhs)}"

    def _print_MatrixBase(self, expr: sp.MatrixBase) -> str:
        if expr.cols == 1:
            return "[" + ", ".join(self._print(entry) for entry in expr) + "]"
        rows = ("[" + ", ".join(self._print(e) for e in expr.row(i)) + "]"
                for i in range(expr.rows))
        return "[" + ", ".join(rows) + "]"

    _print_ImmutableDenseMatrix = _print_MatrixBase
    _print_MutableDenseMatrix = _print_MatrixBase


_PLAIN = _PlainPrinter()


def plain_text(expr: sp.Basic) -> str:
    # SymPy writes powers as **; only the power operator ever prints that way.
    return _PLAIN.doprint(expr).replace("**", "^")


def latex(expr: sp.Basic) -> str:
    return sp.latex(expr, ln_notation=True, inv_trig_style="full")
