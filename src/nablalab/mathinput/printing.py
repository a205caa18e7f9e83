"""How maths is shown back to a learner: plain text in handwriting conventions (``e^(x^2)``,
``ln(x)``, ``|x|``, ``^``), which ``parse`` reads again to the same object, and LaTeX."""

from __future__ import annotations

import sympy as sp
from sympy.printing.precedence import PRECEDENCE
from sympy.printing.str import StrPrinter


class _PlainPrinter(StrPrinter):
    """SymPy's text form in the notation learners type and the course writes."""

    def _print_Pow(self, expr: sp.Pow, rational: bool = False) -> str:
        if isinstance(expr.base, sp.exp):
            exponent = self.parenthesize(expr.exp, PRECEDENCE["Pow"], strict=False)
            return f"({self._print(expr.base)})^{exponent}"
        return super()._print_Pow(expr, rational).replace("**", "^")

    def _print_Mul(self, expr: sp.Mul) -> str:
        # StrPrinter writes the powers inside a quotient itself, with **.
        return super()._print_Mul(expr).replace("**", "^")

    def _print_exp(self, expr: sp.exp) -> str:
        arg = expr.args[0]
        if arg.is_Symbol or (arg.is_Integer and arg >= 0):
            return f"e^{self._print(arg)}"
        return f"e^({self._print(arg)})"

    def _print_Exp1(self, expr: sp.Expr) -> str:
        return "e"

    def _print_log(self, expr: sp.log) -> str:
        return f"ln({self._print(expr.args[0])})"

    def _print_Abs(self, expr: sp.Abs) -> str:
        return f"|{self._print(expr.args[0])}|"

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
    """The expression as a learner would type it: ``3*x^2 + e^(sin(x))``."""
    return _PLAIN.doprint(expr)


def latex(expr: sp.Basic) -> str:
    r"""LaTeX for KaTeX: natural log as \ln, inverse trig as \arcsin."""
    return sp.latex(expr, ln_notation=True, inv_trig_style="full")
