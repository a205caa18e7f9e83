"""The calculus CLI commands: human output, JSON output and learner-friendly errors."""

from __future__ import annotations

import argparse
import json

import pytest
import sympy as sp

from nablalab.cli import calculus_commands
from nablalab.mathinput import parse


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="nablalab")
    calculus_commands.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    return args.func(args)


def test_diff_prints_step_tree(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["diff", "e^(x^2 - 3)"]) == 0
    out = capsys.readouterr().out
    assert "chain" in out and "u = x^2 - 3" in out and "Result: 2*x*e^(x^2 - 3)" in out


def test_diff_json_with_order_and_point(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["diff", "x^3 y", "--wrt", "x", "--order", "2", "--at", "x=1,y=2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert parse(data["derivative"].replace("**", "^")).expr == parse("6 x y").expr
    assert data["value"] == "12" and data["decimal"] == 12.0
    assert data["steps"][0]["rule"] == "partial derivative"


def test_grad_jacobian_hessian(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["grad", "x^2 + 3 x y", "--vars", "x,y", "--at", "x=1,y=1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["decimal"] == [[5.0], [3.0]]
    assert run(["jacobian", "[x^2 y, sin(x) + y]", "--vars", "x,y", "--json"]) == 0
    jac = json.loads(capsys.readouterr().out)["derivative"]
    assert jac == str(sp.Matrix([[2 * sp.Symbol("x") * sp.Symbol("y"), sp.Symbol("x") ** 2],
                                 [sp.cos(sp.Symbol("x")), 1]]))
    assert run(["hessian", "x^2 - y^2", "--vars", "x,y", "--at", "x=0,y=0"]) == 0
    assert "Stationary point: saddle" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [(["diff", "x^2 sin(x"], "never closed"),
     (["diff", "x^2 y"], "say which variable"),
     (["hessian", "x^2", "--at", "x=oops("], "Error:")],
)
def test_bad_input_exits_2_with_message(argv: list[str], fragment: str,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert run(argv) == 2
    captured = capsys.readouterr()
    assert fragment in captured.err
    assert "Traceback" not in captured.err + captured.out
