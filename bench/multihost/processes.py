"""Starting programs on the hosts and ending them: every process started here is recorded, so
``close()`` (run on any exit, Ctrl-C included) leaves nothing behind."""

from __future__ import annotations

import contextlib
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from bench.multihost.cpu import CpuGroups
from bench.multihost.network import Host
from bench.multihost.proctree import kill_all, netns_pids, signal_all

KILL_SECONDS = 20.0


class StartError(RuntimeError):
    """A service did not start; the message carries the end of its log."""


@dataclass
class Service:
    name: str
    host: Host
    process: subprocess.Popen[bytes]
    log: Path

    def running(self) -> bool:
        return self.process.poll() is None

    def log_tail(self, lines: int = 30) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])


class Launcher:
    def __init__(self, logs: Path, cpu: CpuGroups) -> None:
        self.logs = logs
        self.cpu = cpu
        self.services: list[Service] = []

    def command(self, host: Host, argv: list[str], user: str | None) -> list[str]:
        """``argv`` run as ``user`` on ``host``: in its network namespace and its cgroups."""
        return self.cpu.wrap(host.name, host.command(_as(user, argv)))

    def start(self, name: str, host: Host, argv: list[str], env: dict[str, str],
              user: str | None = None) -> Service:
        """A long-running program on ``host`` (its own session, output to logs/NAME.log)."""
        log = self.logs / f"{name}.log"
        with log.open("ab") as out:
            process = subprocess.Popen(self.command(host, argv, user), stdout=out,
                                       stderr=subprocess.STDOUT, env=env,
                                       start_new_session=True)
        service = Service(name, host, process, log)
        self.services.append(service)
        return service

    def run(self, name: str, host: Host, argv: list[str], env: dict[str, str],
            user: str | None = None, timeout: float = 300) -> str:
        """A command on ``host`` that must succeed; its output."""
        done = subprocess.run(self.command(host, argv, user), env=env, capture_output=True,
                              text=True, timeout=timeout)
        with (self.logs / f"{name}.log").open("a") as out:
            out.write(done.stdout + done.stderr)
        if done.returncode != 0:
            raise StartError(f"{name} failed on {host.name} (exit {done.returncode}):\n"
                             f"{(done.stdout + done.stderr)[-3000:]}")
        return done.stdout

    def kill_host(self, host: Host) -> None:
        """kill -9 every process on the host, as a machine losing power would. Again until
        none is left: a process forked while the first signals flew (a checker pool refilling
        itself) would otherwise live on, holding the server's listening socket."""
        deadline = time.monotonic() + KILL_SECONDS
        while pids := netns_pids(host.netns):
            if time.monotonic() > deadline:
                raise StartError(f"processes on {host.name} survive kill -9: {sorted(pids)}")
            kill_all(pids)
        for service in self.services:
            if service.host == host:
                service.process.wait(timeout=KILL_SECONDS)

    def pause_host(self, host: Host) -> None:
        """SIGSTOP every process on the host: it holds whatever it was doing, finishing nothing,
        until ``resume_host`` or ``kill_host``."""
        signal_all(netns_pids(host.netns), signal.SIGSTOP)

    def resume_host(self, host: Host) -> None:
        signal_all(netns_pids(host.netns), signal.SIGCONT)

    def close(self) -> None:
        for service in reversed(self.services):
            if service.running():
                kill_all({service.process.pid}, signal.SIGKILL)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    service.process.wait(timeout=10)


def _as(user: str | None, argv: list[str]) -> list[str]:
    return ["runuser", "-u", user, "--", *argv] if user else argv
