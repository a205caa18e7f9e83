"""`nablalab assignment submit` against a real `nablalab serve` (which starts its own grading
worker): the reference solution scores 100%, the starter 0 with hidden counts, a bad token
is refused with a way to get a good one."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from nablalab.cli.main import main
from tests.web.test_serve import clean_env, nablalab, served  # noqa: F401  (fixture)

ASSIGNMENT = Path(__file__).resolve().parents[3] / "src/nablalab/assignments/backprop"
MAKE_TOKEN = """
from django.contrib.auth.models import User
from nablalab.web.submissions.tokens import create
print(create(User.objects.create_user("cli-learner", password="x-long-passphrase-9"), "cli")[1])
"""


def submit(capsys, port: int, token: str, *args: str) -> tuple[int, str, str]:
    """The command as a learner runs it (in this process: it only talks HTTP)."""
    code = main(["assignment", "submit", "backprop", *args, "--server",
                 f"http://127.0.0.1:{port}/", "--token", token])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.slow
def test_cli_submits_to_a_served_site_and_prints_the_graded_result(served, capsys):  # noqa: F811
    data, port, _page, log = served
    made = subprocess.run(nablalab("manage", "--data-dir", str(data), "shell", "-c",
                                   MAKE_TOKEN), capture_output=True, text=True,
                          env=clean_env(), timeout=120)
    assert made.returncode == 0, made.stderr
    token = made.stdout.strip().splitlines()[-1]

    code, out, err = submit(capsys, port, token, str(ASSIGNMENT / "reference.py"), "--json")
    assert code == 0, err + log.read_text()
    result = json.loads(out)
    assert result["status"] == "graded" and result["points"] == result["max_points"] > 0
    assert result["hidden"]["passed"] == result["hidden"]["total"] > 0

    code, out, err = submit(capsys, port, token, str(ASSIGNMENT / "starter.ipynb"))
    assert code == 1, err
    assert f"hidden: 0 of {result['hidden']['total']} passed" in out
    assert "not written yet" in out and "all tests passed" not in out

    code, out, err = submit(capsys, port, "nl_not-a-token", str(ASSIGNMENT / "reference.py"))
    assert code == 2
    assert "did not accept your token" in err
    assert f"http://127.0.0.1:{port}/assignments/tokens/" in err
