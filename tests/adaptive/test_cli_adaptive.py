"""``nablalab practice --adaptive``: questions chosen from the learner's profile, which every
answer updates and which persists in mastery.json."""

from __future__ import annotations

import argparse
import io
import json

from nablalab.adaptive import skill_map
from nablalab.cli import practice_commands


def run(argv, stdin, monkeypatch, home):
    monkeypatch.setenv("NABLALAB_HOME", str(home))
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    parser = argparse.ArgumentParser()
    practice_commands.register(parser.add_subparsers())
    args = parser.parse_args(["practice", *argv])
    return args.func(args)


def test_adaptive_practice_starts_at_a_foundation_and_keeps_the_profile(monkeypatch, tmp_path,
                                                                        capsys):
    assert run(["--adaptive", "--count", "2", "--seed", "3"], "s\ns\n", monkeypatch,
               tmp_path) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Skill: Rise over run (new: a foundation of the course)" in out
    assert "Rise over run: 20% -> " in out
    assert f"{len(skill_map()) - 2} not started" in out or f"{len(skill_map()) - 1} not" in out
    saved = json.loads((tmp_path / "mastery.json").read_text())["skills"]
    rise = next(entry for entry in saved if entry["skill"] == "rise over run")
    assert rise["answers"] >= 1 and rise["credit"] == 0 and rise["p_known"] < 0.2
    assert rise["card"]["due"] > rise["last_answer_at"]

    # The next session reads the profile: rise over run is now the skill needing work.
    assert run(["--adaptive", "--count", "1"], "q\n", monkeypatch, tmp_path) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Skill: Rise over run (in progress)" in out or "needs work" in out
