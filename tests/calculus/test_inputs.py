"""The calculus engine reads text and SymPy objects as every engine does (mathinput.coerce)
and adds plain numbers, with its own messages for anything else."""

from __future__ import annotations

import pytest
import sympy as sp

from nablalab.calculus import inputs
from nablalab.calculus.errors import CalculusError
from nablalab.mathinput.coerce import free_variables, to_sympy


def test_calculus_reads_the_same_way_and_adds_plain_numbers():
    assert inputs.to_sympy("x^2") == to_sympy("x^2")
    assert inputs.to_sympy(3) == sp.Integer(3) and inputs.to_sympy(0.5) == sp.Float(0.5)
    with pytest.raises(CalculusError, match="not a mathematical expression"):
        inputs.to_sympy(True)
    with pytest.raises(CalculusError, match="cannot read"):
        inputs.to_sympy(None)
    y, x = sp.symbols("y x")
    assert inputs.variables_of(None, [y * x]) == free_variables([x * y]) == (x, y)
