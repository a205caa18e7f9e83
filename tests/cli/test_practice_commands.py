"""``nablalab practice`` driven by scripted stdin: topics, answers, hints, solution, score."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from nablalab.assess.questions import get_template
from nablalab.cli import practice_commands


def run(argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch, home: Path) -> int:
    monkeypatch.setenv("NABLALAB_HOME", str(home))
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    parser = argparse.ArgumentParser()
    practice_commands.register(parser.add_subparsers())
    args = parser.parse_args(["practice", *argv])
    return args.func(args)


def test_lists_topics_without_one(monkeypatch, tmp_path, capsys) -> None:
    assert run([], "", monkeypatch, tmp_path) == 0
    out = capsys.readouterr().out
    assert "m1" in out and "beyond" in out and "chain rule" in out


def test_unknown_topic_is_refused(monkeypatch, tmp_path, capsys) -> None:
    assert run(["no such topic"], "", monkeypatch, tmp_path) == 2
    assert "No questions match" in capsys.readouterr().out


def test_answers_hints_solution_and_score(monkeypatch, tmp_path, capsys) -> None:
    first = get_template("power-rule").generate(100)
    second = get_template("power-rule").generate(101)
    wrong = first.parts[0].mistakes[0]
    script = "\n".join([
        "x^(",                                  # unreadable: no attempt used, asked again
        first.parts[0].typed(wrong.value),      # a declared mistake: its own feedback
        "?", "?", "?",                          # two hints, then "no more hints"
        second.parts[0].typed(),                # the right answer
        "s",                                    # third question: straight to the solution
    ]) + "\n"
    assert run(["power-rule", "--seed", "100", "--count", "3"], script, monkeypatch,
               tmp_path) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "no attempt used" in out
    assert " ".join(wrong.feedback.split()) in out
    assert "Interpreted as:" in out and "Hint:" in out and "No more hints" in out
    assert out.count("Worked solution") == 3
    score = json.loads((tmp_path / "practice.json").read_text())
    assert (score["answered"], score["correct"]) == (3, 1)
    assert score["templates"]["power-rule"] == {"answered": 3, "correct": 1}


def test_quit_and_end_of_input_stop_the_session(monkeypatch, tmp_path, capsys) -> None:
    assert run(["m2", "--seed", "1", "--count", "4"], "q\n", monkeypatch, tmp_path) == 0
    assert "Score:" in capsys.readouterr().out
    assert not (tmp_path / "practice.json").exists()
    assert run(["m5", "--seed", "1"], "", monkeypatch, tmp_path) == 0
