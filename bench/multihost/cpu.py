"""A CPU budget for each host: every host's processes live in a cgroup of their own, so a
host can be held to a share of the machine's cores, as a separate machine would be, and the
CPU each host used in a phase can be read back.

Without budgets every "host" competes for the same two cores, and a second app server can add
no throughput; with each app host held to, say, 0.35 of a core, one app server against two
shows what a second machine buys. Works with cgroup v1 (the cpu and cpuacct hierarchies) and
with cgroup v2 (cpu.max, cpu.stat).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path("/sys/fs/cgroup")
PERIOD_US = 100_000  # the quota's period: 0.1 s
# Joins the cgroups named before "--" (writing its own pid, which the program keeps), then
# becomes the program after it.
JOIN = 'while [ "$1" != -- ]; do echo $$ > "$1" || exit 97; shift; done; shift; exec "$@"'


class CpuError(RuntimeError):
    """This machine gives no cgroup CPU controller to hold a host to a budget."""


@dataclass(frozen=True)
class Layout:
    """Where a host's cgroup folders go, and the files that hold its quota and its usage."""

    limit_root: Path  # holds cpu.cfs_quota_us (v1) or cpu.max (v2)
    usage_root: Path  # holds cpuacct.usage (v1) or cpu.stat's usage_usec (v2)
    v2: bool

    @classmethod
    def find(cls) -> Layout:
        if (ROOT / "cpu" / "cpu.cfs_quota_us").exists() and \
                (ROOT / "cpuacct" / "cpuacct.usage").exists():
            return cls(ROOT / "cpu", ROOT / "cpuacct", v2=False)
        controllers = ROOT / "cgroup.controllers"
        if controllers.exists() and "cpu" in controllers.read_text().split():
            with contextlib.suppress(OSError):  # already on where it can't be written
                (ROOT / "cgroup.subtree_control").write_text("+cpu")
            return cls(ROOT, ROOT, v2=True)
        raise CpuError("no cgroup CPU controller under /sys/fs/cgroup (cgroup v1 cpu and "
                       "cpuacct, or v2 with cpu): the hosts' CPU budgets need one")


class CpuGroups:
    """One cgroup per host; ``close()`` removes them once their processes are gone."""

    def __init__(self, hosts: list[str], prefix: str) -> None:
        self.layout = Layout.find()
        self.names = {host: f"{prefix}-{host}" for host in hosts}
        self.prefix = prefix

    def folders(self, host: str) -> list[Path]:
        name = self.names[host]
        return list(dict.fromkeys([self.layout.limit_root / name,
                                   self.layout.usage_root / name]))

    def open(self) -> None:
        self.close()  # a crashed run's empty groups
        try:
            for host in self.names:
                for folder in self.folders(host):
                    folder.mkdir(exist_ok=True)
        except OSError as error:
            raise CpuError(f"cannot make cgroups under {ROOT} ({error}); run as root") from error

    def wrap(self, host: str, argv: list[str]) -> list[str]:
        """``argv`` started inside the host's cgroups (its children stay in them)."""
        procs = [str(folder / "cgroup.procs") for folder in self.folders(host)]
        return ["sh", "-c", JOIN, "sh", *procs, "--", *argv]

    def limit(self, host: str, cores: float | None) -> None:
        """Hold the host to ``cores`` of CPU time per second; None lifts the limit."""
        folder = self.layout.limit_root / self.names[host]
        quota = round(cores * PERIOD_US) if cores else None
        if self.layout.v2:
            (folder / "cpu.max").write_text(f"{quota or 'max'} {PERIOD_US}")
        else:
            (folder / "cpu.cfs_period_us").write_text(str(PERIOD_US))
            (folder / "cpu.cfs_quota_us").write_text(str(quota or -1))

    def used_seconds(self) -> dict[str, float]:
        """CPU seconds each host's processes have used so far."""
        return {host: self._used(host) for host in self.names}

    def _used(self, host: str) -> float:
        folder = self.layout.usage_root / self.names[host]
        if self.layout.v2:
            return _stat(folder)["usage_usec"] / 1e6
        return int((folder / "cpuacct.usage").read_text()) / 1e9

    def throttled(self) -> dict[str, tuple[int, int]]:
        """(periods, periods throttled) so far, per host: the budget was what held it back."""
        stats = {host: _stat(self.layout.limit_root / name) for host, name in self.names.items()}
        return {host: (stat.get("nr_periods", 0), stat.get("nr_throttled", 0))
                for host, stat in stats.items()}

    def close(self) -> None:
        """Remove our groups (and a crashed run's); one with a process still in it stays."""
        for root in {self.layout.limit_root, self.layout.usage_root}:
            for folder in root.glob(f"{self.prefix}-*"):
                with contextlib.suppress(OSError):
                    os.rmdir(folder)


def _stat(folder: Path) -> dict[str, int]:
    text = (folder / "cpu.stat").read_text()
    return {key: int(value) for key, value in (line.split() for line in text.splitlines())}
