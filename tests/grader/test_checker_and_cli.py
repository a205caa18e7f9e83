"""Jupyter Checker, notebook grading, `assignment get/check`, the report's wording."""

import importlib.util
import json

from nablalab.assignments import Checker, catalog
from nablalab.assignments.notebook import graded_source, to_notebook
from nablalab.cli import assignment_commands
from nablalab.grader.report import Report, TestOutcome


def _cli(*argv):
    import argparse

    parser = argparse.ArgumentParser()
    assignment_commands.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    return args.func(args)


def _module(path):
    spec = importlib.util.spec_from_file_location("learner_notebook", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_checker_grades_the_callers_definitions():
    module = _module(catalog.folder("heights") / "reference.py")
    report = Checker("heights").check(vars(module))
    assert report.points == report.max_points
    assert "<table>" in report._repr_html_() and "all tests passed" in str(report)


def test_checker_uses_the_caller_globals_by_default(tmp_path):
    source = (catalog.folder("linfit") / "reference.py").read_text()
    source += "\n\nfrom nablalab.assignments import Checker\nREPORT = Checker('linfit').check()\n"
    path = tmp_path / "nb.py"
    path.write_text(source)
    assert _module(path).REPORT.score == 1.0


def test_notebook_roundtrip_skips_exploration_cells():
    starter = (catalog.folder("backprop") / "starter.py").read_text()
    notebook = to_notebook(starter)
    code = graded_source(json.dumps(notebook))
    assert "def J_b3" in code and "for _ in range(5000)" not in code
    assert any(c["metadata"].get("tags") == ["exploration"] for c in notebook["cells"])


def test_get_hands_out_no_reference_or_hidden_tests(tmp_path, capsys):
    assert _cli("assignment", "get", "backprop", str(tmp_path)) == 0
    names = {p.name for p in tmp_path.iterdir()}
    assert {"statement.md", "starter.py", "starter.ipynb", "public_tests.py"} <= names
    assert not names & {"reference.py", "grading.py"}
    cases = json.loads((tmp_path / "public_cases.json").read_text())
    assert len(cases) == 4


def test_check_notebook_with_json(tmp_path, capsys):
    reference = (catalog.folder("newton") / "reference.py").read_text()
    notebook = tmp_path / "mine.ipynb"
    notebook.write_text(json.dumps(to_notebook(reference)))
    assert _cli("assignment", "check", "newton", str(notebook), "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["score"] == 1.0 and data["hidden"]["passed"] == data["hidden"]["total"]


def test_summary_never_says_all_passed_when_one_failed():
    report = Report("x", [TestOutcome("a", True, True, 1, 1), TestOutcome("b", False, False, 0, 2)])
    assert report.summary().startswith("public: 1 of 1 passed; hidden: 0 of 1 passed")
    assert "all tests passed" not in report.summary()


def test_check_exit_codes(tmp_path):
    assert _cli("assignment", "check", "nope", str(catalog.folder("linfit") / "starter.py")) == 2
    assert _cli("assignment", "check", "linfit", str(tmp_path / "missing.py")) == 2
    assert _cli("assignment", "check", "linfit", str(catalog.folder("linfit") / "starter.py")) == 1
