"""Hostile submissions: each is contained with a clear result, and the grader is unharmed."""

import os
import textwrap
from pathlib import Path

import pytest

from nablalab.assignments import catalog
from nablalab.grader import sandbox
from nablalab.grader.harness import grade
from nablalab.grader.limits import Limits

SECRET_PATHS = [
    str(catalog.folder("backprop") / "reference.py"),
    str(catalog.folder("backprop") / "grading.py"),
    str(Path(sandbox.__file__).parent / "harness.py"),
]


def run(tmp_path, body, limits=None, calls=(("probe", ()),)):
    source = tmp_path / "submission.py"
    source.write_text("import numpy as np\n" + textwrap.dedent(body))
    requests = [{"id": name, "function": name, "args": list(args)} for name, args in calls]
    return sandbox.run(source, requests, limits or Limits(wall_seconds=5, cpu_seconds=5))


def test_infinite_loop_hits_the_wall_clock(tmp_path):
    outcome = run(tmp_path, "def probe():\n    while True: pass\n", Limits(wall_seconds=1.5))
    assert outcome.running == "probe" and "time limit" in outcome.stopped
    assert outcome.seconds < 4


def test_fork_bomb_is_contained(tmp_path):
    outcome = run(
        tmp_path,
        """
        import os
        def probe():
            n = 0
            try:
                while True:
                    if os.fork() == 0:
                        import time; time.sleep(30)
                    n += 1
            except OSError:
                return n
        """,
        Limits(wall_seconds=5, processes=32),
    )
    answer = outcome.answers["probe"]
    assert answer["ok"] and answer["value"] < 64


def test_memory_bomb_fails_inside(tmp_path):
    outcome = run(tmp_path, "def probe():\n    return np.ones((2**16, 2**16)).sum()\n")
    assert not outcome.answers["probe"]["ok"]
    assert "MemoryError" in outcome.answers["probe"]["error"]


def test_huge_output_is_capped(tmp_path):
    outcome = run(tmp_path, "def probe():\n    while True: print('x' * 1000)\n")
    assert "output limit" in outcome.stopped and len(outcome.log) <= Limits().log_bytes


def test_no_network(tmp_path):
    outcome = run(
        tmp_path,
        """
        import socket
        def probe():
            socket.create_connection(("1.1.1.1", 80), timeout=2)
        """,
    )
    assert not outcome.answers["probe"]["ok"]
    assert (
        "OSError" in outcome.answers["probe"]["error"]
        or "Error" in outcome.answers["probe"]["error"]
    )


def test_cannot_read_hidden_tests_reference_or_other_submissions(tmp_path):
    other = tmp_path / "other_submission.py"
    other.write_text("SECRET = 1\n")
    paths = [*SECRET_PATHS, str(other), "/etc/passwd"]
    outcome = run(
        tmp_path,
        f"""
        def probe():
            found = []
            for path in {paths!r}:
                try:
                    open(path).read()
                    found.append(path)
                except OSError:
                    pass
            return len(found)
        """,
    )
    assert outcome.answers["probe"] == {"id": "probe", "ok": True, "value": 0}


def test_cannot_import_nablalab_or_the_reference(tmp_path):
    outcome = run(tmp_path, "def probe():\n    import nablalab.assignments.backprop.reference\n")
    assert "ModuleNotFoundError" in outcome.answers["probe"]["error"]


def test_writes_stay_in_the_private_tmpfs(tmp_path):
    target = tmp_path / "escaped.txt"
    outcome = run(
        tmp_path,
        f"""
        def probe():
            open("scratch.txt", "w").write("fine")
            for path in ({str(target)!r}, "/usr/escaped.txt"):
                try:
                    open(path, "w").write("escaped")
                except OSError:
                    pass
            return 1
        """,
    )
    assert outcome.answers["probe"]["ok"] and not target.exists()
    assert not Path("/usr/escaped.txt").exists()


@pytest.mark.parametrize("exit_call", ["sys.exit(0)", "os._exit(0)"])
def test_exit_ends_the_run_with_a_clear_result(tmp_path, exit_call):
    outcome = run(tmp_path, f"import os, sys\ndef probe():\n    {exit_call}\n")
    if exit_call.startswith("sys"):
        assert "sys.exit" in outcome.answers["probe"]["error"]
    else:
        assert outcome.running == "probe" and "os._exit" in outcome.stopped


def test_killing_the_parent_does_not_touch_the_grader(tmp_path):
    outcome = run(
        tmp_path,
        """
        import os, signal
        def probe():
            os.kill(os.getppid(), signal.SIGKILL)
            return os.getppid()
        """,
    )
    assert os.getpid() > 0  # we are alive
    assert outcome.answers.get("probe", {}).get("value", 1) != os.getpid()


def test_monkeypatching_cannot_fake_a_pass(tmp_path):
    hostile = tmp_path / "hostile.py"
    hostile.write_text(
        textwrap.dedent("""
        import json, sys
        _dumps = json.dumps
        def fake(message, *a, **k):
            if isinstance(message, dict) and "ok" in message:
                message = dict(message, ok=True, value=None)
            return _dumps(message, *a, **k)
        json.dumps = fake
        def J_b3(x, y): return None
        J_b2 = J_W1 = J_b1 = J_b3
        """)
    )
    report = grade(catalog.load("backprop"), hostile)
    assert report.points == 0 and "all tests passed" not in report.summary()
    assert report.counts(public=False) == (0, 8)


def test_refuses_without_bubblewrap(monkeypatch, tmp_path):
    monkeypatch.setattr(sandbox.shutil, "which", lambda name: None)
    with pytest.raises(sandbox.SandboxUnavailable, match="apt-get install bubblewrap"):
        grade(catalog.load("linfit"), catalog.folder("linfit") / "reference.py")


def test_unsafe_flag_grades_with_a_warning(monkeypatch):
    monkeypatch.setenv(sandbox.UNSAFE_FLAG, "1")
    report = grade(catalog.load("sandpit"), catalog.folder("sandpit") / "reference.py")
    assert report.points == report.max_points
    assert report.warnings == [sandbox.UNSAFE_WARNING] and "WARNING" in report.to_text()
