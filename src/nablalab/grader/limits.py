"""Resource limits for a sandboxed run, applied in the child before it becomes bubblewrap.

rlimits cap CPU seconds, address space, file size, open files and core dumps. RLIMIT_NPROC
caps processes, but the kernel never applies it to root; when the grader runs as root (as in
containers) a pids cgroup caps the process count instead, if the cgroup tree is writable.
"""

from __future__ import annotations

import contextlib
import os
import resource
import uuid
from dataclasses import dataclass
from pathlib import Path

PIDS_CGROUP_ROOTS = (Path("/sys/fs/cgroup/pids"), Path("/sys/fs/cgroup"))


@dataclass(frozen=True)
class Limits:
    """What one run may use. Defaults fit the assignments with room to spare."""

    wall_seconds: float = 10.0
    cpu_seconds: int = 10
    memory_bytes: int = 1536 * 2**20
    file_bytes: int = 16 * 2**20
    processes: int = 32
    output_bytes: int = 4 * 2**20
    log_bytes: int = 64 * 2**10
    tmpfs_bytes: int = 32 * 2**20


def _count_user_processes(uid: int) -> int:
    count = 0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                count += entry.stat().st_uid == uid
            except OSError:
                continue
    return count


class PidsCgroup:
    """A throw-away pids cgroup (v1 or v2) holding one sandboxed run; None if unavailable."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def create(cls, max_pids: int) -> PidsCgroup | None:
        for root in PIDS_CGROUP_ROOTS:
            if not (root / "cgroup.procs").exists() or not os.access(root, os.W_OK):
                continue
            path = root / f"nablalab-{uuid.uuid4().hex[:12]}"
            try:
                path.mkdir()
                (path / "pids.max").write_text(str(max_pids))
            except OSError:
                if path.exists():
                    path.rmdir()
                continue
            return cls(path)
        return None

    def enter(self) -> None:
        """Put the calling process (the child, before exec) into the cgroup."""
        (self.path / "cgroup.procs").write_text(str(os.getpid()))

    def destroy(self) -> None:
        """Kill anything left inside, then remove the cgroup."""
        import signal
        import time

        for _ in range(50):
            try:
                pids = [int(p) for p in (self.path / "cgroup.procs").read_text().split()]
            except OSError:
                return
            if not pids:
                break
            for pid in pids:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            time.sleep(0.01)
        with contextlib.suppress(OSError):
            self.path.rmdir()


def fork_protection() -> str:
    """How the process count is capped here: "rlimit", "cgroup", or "" when it cannot be."""
    if os.geteuid() != 0:
        return "rlimit"
    cgroup = PidsCgroup.create(8)
    if cgroup is None:
        return ""
    cgroup.destroy()
    return "cgroup"


def apply_in_child(limits: Limits, cgroup: PidsCgroup | None) -> None:
    """preexec_fn: runs in the forked child just before exec, so only the sandbox is limited."""
    if cgroup is not None:
        cgroup.enter()
    nproc = limits.processes + (_count_user_processes(os.getuid()) if os.getuid() else 0)
    for kind, value in (
        (resource.RLIMIT_CPU, limits.cpu_seconds),
        (resource.RLIMIT_AS, limits.memory_bytes),
        (resource.RLIMIT_FSIZE, limits.file_bytes),
        (resource.RLIMIT_NOFILE, 256),
        (resource.RLIMIT_CORE, 0),
        (resource.RLIMIT_NPROC, nproc),
    ):
        resource.setrlimit(kind, (value, value))
