"""The one way in for every engine: text through the safe parser, SymPy objects as they are,
anything else refused; the default variables are every free symbol, sorted by name."""

from __future__ import annotations

import pytest
import sympy as sp

from nablalab.mathinput import MathInputError
from nablalab.mathinput.coerce import as_expression, free_variables, to_sympy


def test_text_is_parsed_and_sympy_is_kept():
    x = sp.Symbol("x", real=True)
    assert to_sympy("x^2 sin x") == x**2 * sp.sin(x)
    plain = sp.Symbol("t") + 1
    assert to_sympy(plain) is plain


def test_text_is_never_evaluated_and_names_are_restricted():
    with pytest.raises(MathInputError):
        to_sympy("__import__('os').system('true')")
    with pytest.raises(MathInputError):
        to_sympy("x + y", variables=["x"])


@pytest.mark.parametrize("value", [3, 2.5, None, [1, 2]])
def test_anything_else_is_refused(value):
    with pytest.raises(TypeError, match="expected a SymPy expression or text"):
        to_sympy(value)


def test_free_variables_are_sorted_by_name_across_expressions():
    a, b, z = sp.symbols("a b z")
    assert free_variables([z * b, a + 1]) == (a, b, z)
    assert free_variables([]) == ()
    _, variables = as_expression("z + a b")
    assert [v.name for v in variables] == ["a", "b", "z"]

