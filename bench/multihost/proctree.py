"""Finding and killing every process of a host, children included: a grading sandbox runs in
namespaces of its own (bubblewrap), so only the parent links tie it to the worker host."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from pathlib import Path


def parents() -> dict[int, int]:
    """pid -> parent pid of every process now running."""
    table = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, IndexError, ValueError):
            stat = (entry / "stat").read_text()
            table[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return table


def with_descendants(roots: set[int]) -> set[int]:
    table = parents()
    found = {pid for pid in roots if pid in table}
    grew = True
    while grew:
        children = {pid for pid, parent in table.items() if parent in found} - found
        found |= children
        grew = bool(children)
    return found


def netns_pids(netns: str) -> set[int]:
    listed = subprocess.run(["ip", "netns", "pids", netns], capture_output=True, text=True)
    return {int(word) for word in listed.stdout.split() if word.isdigit()}


def signal_all(pids: set[int], sig: signal.Signals) -> set[int]:
    """Signal a snapshot of these processes and their descendants; the processes signalled."""
    victims = with_descendants(pids)
    for pid in victims:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, sig)
    return victims


def kill_all(pids: set[int], sig: signal.Signals = signal.SIGKILL, wait: float = 5.0) -> None:
    """Signal a snapshot of these processes and their descendants, and wait until gone."""
    victims = signal_all(pids, sig)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline and any(alive(pid) for pid in victims):
        time.sleep(0.05)


def alive(pid: int) -> bool:
    """Running, not merely a zombie waiting for a parent (a killed orphan can be one)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"
