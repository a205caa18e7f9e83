"""``nablalab check`` on the command line: output and exit codes."""

from __future__ import annotations

import argparse
import json

import pytest

from nablalab.cli import check_commands


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    check_commands.register(parser.add_subparsers())
    args = parser.parse_args(["check", *argv])
    return args.func(args)


def test_correct_answer_exits_0_and_shows_the_interpretation(capsys) -> None:
    assert run("--expected", "2x cos(x^2)", "--answer", "2x cos x^2") == 0
    out = capsys.readouterr().out
    assert "Interpreted as: 2*x*cos(x^2)" in out and "Correct" in out


def test_wrong_answer_exits_1_with_feedback(capsys) -> None:
    assert run("--expected", "2x", "--answer=-2x") == 1
    assert "Check the sign" in capsys.readouterr().out


def test_invalid_answer_exits_2_with_a_caret(capsys) -> None:
    assert run("--expected", "2x", "--answer", "2x +") == 2
    out = capsys.readouterr().out
    assert "Not checked" in out and "^" in out


@pytest.mark.parametrize(("argv", "code"), [
    (["--expected", "[2x, 3]", "--answer", "[2x, 4]", "--kind", "vector"], 1),
    (["--expected", "(0,0), (1,1)", "--answer", "(1,1), (0,0)", "--kind", "points"], 0),
    (["--expected", "pi", "--answer", "3.14", "--kind", "number", "--dp", "2"], 0),
    (["--expected", "x+1", "--answer", "(x^2-1)/(x-1)", "--form", "simplified"], 1),
    (["--expected", "x y", "--answer", "x y", "--vars", "x"], 2),
])
def test_kinds_and_options(argv: list[str], code: int) -> None:
    assert run(*argv) == code


def test_json_output(capsys) -> None:
    assert run("--expected", "x^2/2", "--answer", "x^2/2 + C", "--kind", "antiderivative",
               "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["correct"] is True and data["interpreted"] == "C + x^2/2"


def test_question_errors_exit_2(capsys) -> None:
    assert run("--expected", "2 +", "--answer", "2") == 2
    assert "Error in the question" in capsys.readouterr().err
