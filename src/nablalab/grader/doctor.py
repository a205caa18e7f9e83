"""Can this machine grade? Each check says what is wrong and how to fix it."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from nablalab.grader import sandbox
from nablalab.grader.limits import Limits, fork_protection


@dataclass(frozen=True)
class Finding:
    name: str
    ok: bool
    detail: str


def diagnose() -> list[Finding]:
    findings = []
    bwrap = shutil.which("bwrap")
    findings.append(Finding("bubblewrap installed", bwrap is not None,
                            bwrap or "not found: run `sudo apt-get install bubblewrap`"))
    if bwrap is not None:
        findings.append(_sandbox_runs())
    protection = fork_protection()
    findings.append(Finding(
        "process-count limit", bool(protection),
        {"rlimit": "RLIMIT_NPROC (grading as a non-root user)",
         "cgroup": "a pids cgroup per run (grading as root)"}.get(
            protection, "grading as root without a writable pids cgroup: a fork bomb is only "
            "stopped by the time limit. Grade as a non-root user.")))
    if sandbox.unsafe_mode():
        findings.append(Finding(sandbox.UNSAFE_FLAG, False, sandbox.UNSAFE_WARNING))
    return findings


def _sandbox_runs() -> Finding:
    """Run a file that imports NumPy and SciPy inside the sandbox."""
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "probe.py"
        probe.write_text("import numpy, scipy.linalg\ndef ok():\n    return 1.0\n")
        try:
            outcome = sandbox.run(probe, [{"id": "ok", "function": "ok", "args": []}],
                                  Limits(wall_seconds=20))
        except (sandbox.SandboxUnavailable, OSError, subprocess.SubprocessError) as error:
            return Finding("sandbox starts", False, str(error))
    answer = outcome.answers.get("ok", {})
    if answer.get("value") == 1.0:
        return Finding("sandbox starts", True,
                       f"NumPy and SciPy import inside bubblewrap ({outcome.seconds:.2f} s)")
    problem = outcome.log.strip() or outcome.stopped or "no answer"
    return Finding("sandbox starts", False,
                   f"{problem}. If bwrap says it cannot create a namespace, enable unprivileged "
                   "user namespaces (sysctl kernel.unprivileged_userns_clone=1, or "
                   "kernel.apparmor_restrict_unprivileged_userns=0 on Ubuntu 24.04).")
