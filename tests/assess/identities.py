"""The held-out identity set: 54 textbook identities and traps, with the right verdict.

"Equivalent" follows the checker's real-domain policy (equal wherever both sides are
defined): log(x^2) = 2 log(x) holds on x > 0, the only place 2 log(x) exists, while
atan(x) + atan(1/x) = pi/2 fails for every x < 0. Used by tests/assess/test_identities.py
and by bench/check_latency.py (which also runs SymPy's ``equals`` and ``simplify`` on it).
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from nablalab.mathinput import parse


@dataclass(frozen=True)
class Identity:
    family: str
    left: str
    right: str
    equivalent: bool
    note: str = ""
    expand_right: bool = False  # right side is the multiplied-out form (too long to type)

    def pair(self) -> tuple[sp.Expr, sp.Expr]:
        left, right = parse(self.left).expr, parse(self.right).expr
        return left, sp.expand(right) if self.expand_right else right


def _taylor_text(degree: int) -> str:
    """1 + x + x^2/2! + ... : the Taylor polynomial of e^x, typed as a learner would."""
    return " + ".join(f"x^{k}/{k}!" if k > 1 else ("1" if k == 0 else "x")
                      for k in range(degree + 1))


_ = Identity
IDENTITIES: tuple[Identity, ...] = (
    # trigonometric
    _("trig", "sin(x)^2 + cos(x)^2", "1", True),
    _("trig", "2 sin(x) cos(x)", "sin(2x)", True),
    _("trig", "cos(2x)", "1 - 2 sin(x)^2", True),
    _("trig", "tan(x/2)", "sin(x)/(1 + cos(x))", True, "half-angle"),
    _("trig", "tan(x/2)", "(1 - cos(x))/sin(x)", True, "half-angle"),
    _("trig", "sin(x + y)", "sin(x) cos(y) + cos(x) sin(y)", True),
    _("trig", "1 + tan(x)^2", "sec(x)^2", True),
    _("trig", "sin(3x)", "3 sin(x) - 4 sin(x)^3", True),
    _("trig", "cos(x)^4 - sin(x)^4", "cos(2x)", True),
    _("trig", "sin(2x)", "2 sin(x)", False, "trap: the 2 does not come out"),
    _("trig", "sqrt(1 - sin(x)^2)", "cos(x)", False, "trap: only where cos x >= 0"),
    _("trig", "tan(x/2)", "sqrt((1 - cos(x))/(1 + cos(x)))", False, "trap: sign of tan"),
    # inverse trigonometric
    _("inverse trig", "asin(x) + acos(x)", "pi/2", True),
    _("inverse trig", "atan(x) + atan(1/x)", "pi/2", False, "trap: only for x > 0"),
    _("inverse trig", "atan(x) + atan(1/x)", "pi/2 sign(x)", True),
    _("inverse trig", "sin(asin(x))", "x", True, "on |x| <= 1"),
    _("inverse trig", "asin(sin(x))", "x", False, "trap: only on [-pi/2, pi/2]"),
    _("inverse trig", "cos(atan(x))", "1/sqrt(1 + x^2)", True),
    _("inverse trig", "atan(x)", "asin(x/sqrt(1 + x^2))", True),
    _("inverse trig", "2 atan(x)", "atan(2x/(1 - x^2))", False, "trap: off by pi for |x| > 1"),
    # hyperbolic
    _("hyperbolic", "cosh(x)^2 - sinh(x)^2", "1", True),
    _("hyperbolic", "tanh(x)", "(e^(2x) - 1)/(e^(2x) + 1)", True),
    _("hyperbolic", "sinh(2x)", "2 sinh(x) cosh(x)", True),
    _("hyperbolic", "asinh(x)", "ln(x + sqrt(x^2 + 1))", True),
    _("hyperbolic", "acosh(x)", "ln(x + sqrt(x^2 - 1))", True),
    _("hyperbolic", "atanh(x)", "ln((1 + x)/(1 - x))/2", True),
    _("hyperbolic", "acosh(cosh(x))", "x", False, "trap: |x|"),
    _("hyperbolic", "cosh(x)", "sqrt(1 + sinh(x)^2)", True),
    # logarithms and exponentials
    _("log/exp", "ln(x y)", "ln(x) + ln(y)", True, "common domain x, y > 0"),
    _("log/exp", "ln(x^2)", "2 ln(x)", True, "policy: agree on x > 0, where both exist"),
    _("log/exp", "e^(a + b)", "e^a e^b", True),
    _("log/exp", "e^(ln(x))", "x", True, "on x > 0"),
    _("log/exp", "x^ln(y)", "y^ln(x)", True),
    _("log/exp", "ln(x + y)", "ln(x) + ln(y)", False, "trap"),
    _("log/exp", "sqrt(x^2)", "x", False, "trap: |x|"),
    _("log/exp", "sqrt(x^2)", "abs(x)", True),
    _("log/exp", "sqrt(x) sqrt(y)", "sqrt(x y)", True, "common domain x, y >= 0"),
    _("log/exp", "(1 + 1/x)^x", "e^(x ln(1 + 1/x))", True),
    _("log/exp", "(1 + 1/x)^x", "((x + 1)/x)^x", True),
    _("log/exp", "(1 + 1/x)^x", "e", False, "trap: only the limit"),
    # removable singularities and rational functions
    _("removable", "(x^2 - 1)/(x - 1)", "x + 1", True),
    _("removable", "(x^3 - 8)/(x - 2)", "x^2 + 2x + 4", True),
    _("removable", "1/(x - 1) - 1/(x + 1)", "2/(x^2 - 1)", True),
    _("removable", "(x^2 - 1)/(x - 1)", "x - 1", False, "trap"),
    # large exponents
    _("large", "(e^(1000x) + 1)/e^(1000x)", "1 + e^(-1000x)", True),
    _("large", "ln(e^(1000x) + 1)", "1000x", False, "trap: equal to 400+ digits for x > 1"),
    _("large", "(x + 1)^100", "(x + 1)^100", True, "against its 101-term expansion",
      expand_right=True),
    _("large", "(x + 1)^100", "(x + 1)^100 - x^37", False, "trap: one term dropped",
      expand_right=True),
    _("large", "(x - 1)^200", "(x - 1)^200", True, "heavy cancellation near x = 1",
      expand_right=True),
    _("large", "e^(200 ln(x))", "x^200", True),
    # nearly equal
    _("nearly equal", "sin(x)", "sin(x) + 10^-12 x^30", False, "trap"),
    _("nearly equal", "x", "x + 10^-8", False, "trap"),
    _("nearly equal", "e^x", _taylor_text(20), False, "trap: Taylor polynomial, degree 20"),
    _("nearly equal", "tanh(x)", "(e^(2x) - 1)/(e^(2x) + 1) + 10^-15", False, "trap"),
)

