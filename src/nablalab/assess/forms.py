"""Form requirements: an answer can be equal in value and still not in the form asked for.

Each requirement is checked on its own and explains itself. The criteria (documented here,
tested in tests/assess/test_forms.py):

* ``simplified``: (a) numerator and denominator share no factor ((x^2 - 1)/(x - 1) fails);
  (b) when the expected answer is multiplied out, so is the answer (no brackets left to
  expand); (c) the answer is at most 2 operations longer than the expected answer, either
  as written or multiplied out (so x^2 + 2x + 1 and (x + 1)^2 both pass for (x + 1)^2).
  Like terms are always collected and numbers reduced by the parser (x + x is read as 2x).
* ``factorised``: every factor as written is irreducible over the rationals:
  (x - 1)(x + 1) and x(x - 2)(x + 2) pass; x^2 - 1 and x(x^2 - 4) fail. Non-polynomial
  factors (sin x, e^x) count as single factors. Common numbers are not required out: the
  parser multiplies a number into the sum after it (2(x + 1) is read as 2x + 2), so
  2(x + 1)(x - 1) and (2x + 2)(x - 1) cannot be told apart.
* ``expanded``: no product or power of a sum is left to multiply out.
* ``no_decimals``: the text has no decimal numbers (write 1/2, not 0.5).
* ``exact``: no decimal approximation. Expressions are compared exactly, so an equivalent
  expression is exact; for numbers checked with a tolerance, a value inside the tolerance
  but not exactly equal fails this requirement.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum

import sympy as sp
from sympy.polys.polyerrors import PolynomialError

from nablalab.mathinput import plain_text

from .answers import QuestionError, has_decimals


class Form(StrEnum):
    SIMPLIFIED = "simplified"
    FACTORISED = "factorised"
    EXPANDED = "expanded"
    NO_DECIMALS = "no_decimals"
    EXACT = "exact"


_ALIASES = {"factorized": Form.FACTORISED, "factored": Form.FACTORISED,
            "simplest": Form.SIMPLIFIED, "no decimals": Form.NO_DECIMALS,
            "nodecimals": Form.NO_DECIMALS}
_LENGTH_SLACK = 2
_EXPAND_BUDGET = 60  # count_ops above which an expansion is not attempted


def requirements(form: str | Iterable[str] | Mapping[str, float] | None,
                 credit: float) -> dict[Form, float]:
    """Normalise the ``form`` option to {requirement: score kept when it is not met}."""
    if form is None:
        return {}
    if isinstance(form, str):
        form = [form]
    pairs = form.items() if isinstance(form, Mapping) else ((name, credit) for name in form)
    result: dict[Form, float] = {}
    for name, kept in pairs:
        key = name.strip().lower().replace("-", "_")
        if key in _ALIASES:
            result[_ALIASES[key]] = float(kept)
            continue
        try:
            result[Form(key)] = float(kept)
        except ValueError:
            known = ", ".join(f.value for f in Form)
            raise QuestionError(f"unknown form {name!r} (known: {known})") from None
        if not 0 <= result[Form(key)] <= 1:
            raise QuestionError(f"the credit for form {name!r} must be between 0 and 1")
    return result


def problem(form: Form, text: str, answer: sp.Expr, expected: sp.Expr) -> str | None:
    """Why ``answer`` (typed as ``text``) is not in ``form``, or None when it is."""
    if form is Form.SIMPLIFIED:
        return _not_simplified(answer, expected)
    if form is Form.FACTORISED:
        return _not_factorised(answer)
    if form is Form.EXPANDED:
        return None if _is_expanded(answer) else "it must be multiplied out (expanded)"
    if form is Form.NO_DECIMALS:
        return ("it must not contain decimal numbers: write fractions such as 1/2 instead"
                if has_decimals(text) else None)
    return None  # EXACT: an equivalent expression is exact; numbers check it themselves


def _not_simplified(answer: sp.Expr, expected: sp.Expr) -> str | None:
    common = _common_factor(answer)
    if common is not None:
        return (f"it is not simplified: the numerator and denominator share the factor "
                f"{plain_text(common)}, which cancels")
    expanded_expected = _expanded(expected)
    if expanded_expected == expected and not _is_expanded(answer):
        return "it is not simplified: multiply out the brackets"
    reference = max(sp.count_ops(expected), sp.count_ops(expanded_expected))
    if sp.count_ops(answer) > reference + _LENGTH_SLACK:
        return "it is not simplified: it can be written more briefly"
    return None


def _common_factor(expr: sp.Expr) -> sp.Expr | None:
    numerator, denominator = sp.fraction(sp.together(expr))
    if denominator.is_number:
        return None
    try:
        common = sp.gcd(numerator, denominator)
    except PolynomialError:
        return None
    return None if common.is_number else common


def _expanded(expr: sp.Expr) -> sp.Expr:
    return sp.expand(expr) if sp.count_ops(expr) <= _EXPAND_BUDGET else expr


def _is_expanded(expr: sp.Expr) -> bool:
    return _expanded(expr) == expr


def _not_factorised(answer: sp.Expr) -> str | None:
    for factor in _written_factors(answer):
        if factor.is_number:
            continue
        try:
            _, irreducible = sp.factor_list(factor)
        except PolynomialError:
            continue  # not a polynomial in anything: a single factor such as sin(x)
        if len(irreducible) > 1 or (irreducible and irreducible[0][1] > 1):
            return f"it must be fully factorised: {plain_text(factor)} factorises further"
    return None


def _written_factors(expr: sp.Expr) -> list[sp.Expr]:
    """The factors as written: x^2 (x + 1)^3 -> [x, x + 1] (powers of one factor are fine)."""
    factors = expr.args if expr.is_Mul else (expr,)
    return [f.base if f.is_Pow and f.exp.is_Integer and f.exp > 0 else f for f in factors]
