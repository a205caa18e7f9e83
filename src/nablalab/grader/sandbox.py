"""Run learner code under bubblewrap and collect the values it returns.

The sandbox sees a read-only system (/usr, /lib*, /bin, the Python prefix), only NumPy and
SciPy from site-packages (never the nablalab tree, the hidden tests, the reference or other
submissions), the learner's file and the runner, and a small private tmpfs to write in. No
network, new PID namespace, its own session, dies with the grader; rlimits and a wall clock
whose expiry kills the whole process group.
"""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from nablalab.grader import runner
from nablalab.grader.limits import Limits, PidsCgroup, apply_in_child

UNSAFE_FLAG = "NABLALAB_UNSAFE_NO_SANDBOX"
UNSAFE_WARNING = (
    "WARNING: graded WITHOUT a sandbox (NABLALAB_UNSAFE_NO_SANDBOX=1): the code ran with your "
    "own rights. Use this only to develop the grader, never for code you did not write."
)
SANDBOX_PACKAGES = ("numpy", "scipy")
INSIDE = Path("/sandbox")


class SandboxUnavailable(RuntimeError):
    """Bubblewrap is missing or cannot create a sandbox here; grading refuses to run."""


@dataclass
class RunOutcome:
    """What came back from one run: values by call id, and how the run ended."""

    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    running: str | None = None  # the call that was running when the run stopped
    stopped: str = ""  # "" when every call answered; else why the run stopped
    log: str = ""  # what the learner's code printed (capped)
    seconds: float = 0.0
    sandboxed: bool = True


def unsafe_mode() -> bool:
    return os.environ.get(UNSAFE_FLAG) == "1"


def _package_dirs() -> list[Path]:
    """Each sandbox package's directory and its bundled shared libraries (numpy.libs...)."""
    dirs = []
    for name in SANDBOX_PACKAGES:
        spec = find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            raise SandboxUnavailable(f"{name} is not installed, and the sandbox needs it.")
        package = Path(next(iter(spec.submodule_search_locations)))
        dirs.append(package)
        dirs.extend(sorted(package.parent.glob(f"{name}.libs")))
    return dirs


def _system_binds() -> list[str]:
    args: list[str] = ["--ro-bind", "/usr", "/usr"]
    for top in ("/bin", "/sbin", "/lib", "/lib32", "/lib64"):
        path = Path(top)
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), top]
        elif path.is_dir():
            args += ["--ro-bind", top, top]
    prefix = Path(sys.base_prefix).resolve()
    if not str(prefix).startswith("/usr"):
        args += ["--ro-bind", str(prefix), str(prefix)]
    return args


def python_executable() -> str:
    """The base interpreter (not the virtualenv's, whose site-packages hold nablalab)."""
    candidates = [
        Path(sys.base_prefix) / "bin" / f"python{sys.version_info[0]}.{sys.version_info[1]}",
        Path(sys.executable).resolve(),
    ]
    for candidate in candidates:
        if candidate.exists():
            return str(candidate)
    raise SandboxUnavailable("Cannot find the Python interpreter to run inside the sandbox.")


def bwrap_command(code_dir: Path, limits: Limits) -> list[str]:
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        raise SandboxUnavailable(
            "bubblewrap (bwrap) is not installed: run `sudo apt-get install bubblewrap`, "
            "then `nablalab doctor`."
        )
    args = [
        bwrap,
        "--unshare-all",
        "--die-with-parent",
        "--new-session",
        "--clearenv",
        *_system_binds(),
        "--proc",
        "/proc",
        "--dev",
        "/dev",
        "--size",
        str(limits.tmpfs_bytes),
        "--tmpfs",
        "/tmp",
        "--size",
        str(limits.tmpfs_bytes),
        "--tmpfs",
        str(INSIDE),
    ]
    for package in _package_dirs():
        args += ["--ro-bind", str(package), str(INSIDE / "site" / package.name)]
    args += [
        "--ro-bind",
        str(code_dir),
        str(INSIDE / "code"),
        "--dir",
        str(INSIDE / "work"),
        "--chdir",
        str(INSIDE / "work"),
    ]
    for name, value in _environment(INSIDE / "work").items():
        args += ["--setenv", name, value]
    return [*args, python_executable(), "-I", "-S", "-B", str(INSIDE / "code" / "runner.py")]


def _environment(home: Path) -> dict[str, str]:
    """Single-threaded BLAS keeps runs fast and inside the process limit."""
    threads = {name: "1" for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", **threads}


def run(source: Path, calls: Sequence[dict[str, Any]], limits: Limits | None = None) -> RunOutcome:
    """Run the learner file ``source``, answering ``calls``; refuses if there is no sandbox."""
    limits = limits or Limits()
    with tempfile.TemporaryDirectory(prefix="nablalab-run-") as tmp:
        code_dir = Path(tmp)
        code_dir.chmod(0o755)
        shutil.copyfile(source, code_dir / "submission.py")
        shutil.copyfile(runner.__file__, code_dir / "runner.py")
        if unsafe_mode():
            command = [python_executable(), "-I", "-S", "-B", str(code_dir / "runner.py")]
            inside = code_dir
            path = [str(p.parent) for p in _package_dirs()[:1]]
        else:
            command = bwrap_command(code_dir, limits)
            inside = INSIDE / "code"
            path = [str(INSIDE / "site")]
        request = {"module": str(inside / "submission.py"), "path": path, "calls": list(calls)}
        outcome = _execute(
            command,
            json.dumps(request).encode(),
            limits,
            env=None if not unsafe_mode() else _environment(code_dir),
        )
        outcome.sandboxed = not unsafe_mode()
        return outcome


def _execute(
    command: list[str], request: bytes, limits: Limits, env: dict[str, str] | None
) -> RunOutcome:
    cgroup = PidsCgroup.create(limits.processes) if os.geteuid() == 0 else None
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        env=env,
        preexec_fn=lambda: apply_in_child(limits, cgroup),
    )
    try:
        outcome = _collect(process, request, limits)
    finally:
        _kill_group(process)
        if cgroup is not None:
            cgroup.destroy()
    outcome.seconds = time.perf_counter() - started
    return outcome


def _collect(process: subprocess.Popen[bytes], request: bytes, limits: Limits) -> RunOutcome:
    outcome = RunOutcome()
    assert process.stdin and process.stdout and process.stderr
    try:
        process.stdin.write(request)
        process.stdin.close()
    except BrokenPipeError:
        pass
    deadline = time.monotonic() + limits.wall_seconds
    buffers = {"out": bytearray(), "err": bytearray()}
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ, "out")
    selector.register(process.stderr, selectors.EVENT_READ, "err")
    open_streams = 2
    while open_streams:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            outcome.stopped = f"time limit: still running after {limits.wall_seconds:g} s"
            break
        for key, _ in selector.select(remaining):
            chunk = os.read(key.fileobj.fileno(), 65536)
            if not chunk:
                selector.unregister(key.fileobj)
                open_streams -= 1
                continue
            buffers[key.data] += chunk
            if key.data == "err" and len(buffers["err"]) > limits.log_bytes:
                del buffers["err"][limits.log_bytes :]
                outcome.stopped = (
                    f"output limit: your code printed more than {limits.log_bytes // 1024} KB"
                )
            elif len(buffers["out"]) > limits.output_bytes:
                outcome.stopped = (
                    f"output limit: your functions returned more than "
                    f"{limits.output_bytes // 2**20} MB"
                )
        if outcome.stopped:
            break
    selector.close()
    _read_answers(bytes(buffers["out"]), outcome)
    outcome.log = buffers["err"].decode(errors="replace")
    if not outcome.stopped:
        code = process.wait(timeout=limits.wall_seconds)
        if outcome.running is not None:
            outcome.stopped = _exit_reason(code, limits)
    return outcome


def _read_answers(data: bytes, outcome: RunOutcome) -> None:
    for line in data.splitlines():
        try:
            message = json.loads(line)
        except ValueError:
            continue
        if "start" in message:
            outcome.running = message["start"]
        elif message.get("id") is not None:
            outcome.answers[message["id"]] = message
            outcome.running = None


def _exit_reason(code: int, limits: Limits) -> str:
    if code == -signal.SIGXCPU or code == 128 + signal.SIGXCPU:
        return f"CPU limit: used more than {limits.cpu_seconds} s of CPU time"
    if code in (-signal.SIGKILL, 128 + signal.SIGKILL):
        return "killed (most often: out of memory, or a process limit)"
    if code < 0:
        return f"crashed with signal {signal.Signals(-code).name}"
    return f"the process ended early (exit status {code}), e.g. by os._exit"


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            stream.close()
