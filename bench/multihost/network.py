"""Hosts made of network namespaces on one machine: each host is a namespace with one veth
whose other end hangs on a bridge in the root namespace, so every host reaches every other
at its own 10.77.0.x address, and this process (the learners) reaches them all from the root
namespace. Nothing is routed beyond the bridge: the hosts have no default route.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass

from bench.multihost.proctree import kill_all, netns_pids

PREFIX = "nlmh"  # every namespace and link we make starts with this, so leftovers are found
BRIDGE = f"{PREFIX}-br"
SUBNET = "10.77.0"
BRIDGE_ADDRESS = f"{SUBNET}.1"


class NetworkError(RuntimeError):
    """The machine cannot make the hosts (not root, no iproute2, no namespaces)."""


@dataclass(frozen=True)
class Host:
    name: str
    address: str

    @property
    def netns(self) -> str:
        return f"{PREFIX}-{self.name}"

    @property
    def outer_link(self) -> str:
        """The veth end on the bridge: taking it down cuts the host off the network."""
        return f"{PREFIX}-{self.name}0"[:15]

    @property
    def inner_link(self) -> str:
        """The veth end's name until it moves into the namespace (and becomes eth0)."""
        return f"{PREFIX}-{self.name}-in"[:15]

    def command(self, argv: list[str]) -> list[str]:
        """``argv`` run inside this host's network namespace."""
        return ["ip", "netns", "exec", self.netns, *argv]


def ip(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["ip", *args], check=check, capture_output=True, text=True)


def require_namespaces() -> None:
    """Fail with a clear message when this machine cannot build the hosts."""
    if os.geteuid() != 0:
        raise NetworkError("the multi-host test builds network namespaces and must run as "
                           "root (ip netns add needs CAP_SYS_ADMIN); run it as root")
    try:
        ip("netns", "list")
    except (OSError, subprocess.CalledProcessError) as error:
        raise NetworkError(f"`ip netns` is unavailable ({error}); install iproute2") from error


class Network:
    """The bridge and the hosts on it; ``close()`` removes everything it made."""

    def __init__(self, hosts: dict[str, int]) -> None:
        require_namespaces()
        self.hosts = {name: Host(name, f"{SUBNET}.{last}") for name, last in hosts.items()}

    def __getitem__(self, name: str) -> Host:
        return self.hosts[name]

    def open(self) -> None:
        remove_leftovers()
        try:
            ip("link", "add", BRIDGE, "type", "bridge")
            ip("addr", "add", f"{BRIDGE_ADDRESS}/24", "dev", BRIDGE)
            ip("link", "set", BRIDGE, "up")
            for host in self.hosts.values():
                self._add(host)
        except subprocess.CalledProcessError as error:
            self.close()
            raise NetworkError(f"could not build host namespaces: {' '.join(error.cmd)}: "
                               f"{error.stderr.strip()}") from error

    def _add(self, host: Host) -> None:
        inner = "eth0"
        ip("netns", "add", host.netns)
        ip("link", "add", host.outer_link, "type", "veth", "peer", "name", host.inner_link)
        ip("link", "set", host.inner_link, "netns", host.netns, "name", inner)
        ip("link", "set", host.outer_link, "master", BRIDGE, "up")
        ip("-n", host.netns, "addr", "add", f"{host.address}/24", "dev", inner)
        ip("-n", host.netns, "link", "set", inner, "up")
        ip("-n", host.netns, "link", "set", "lo", "up")

    def cut(self, name: str) -> None:
        ip("link", "set", self.hosts[name].outer_link, "down")

    def heal(self, name: str) -> None:
        ip("link", "set", self.hosts[name].outer_link, "up")

    def close(self) -> None:
        remove_leftovers()


def remove_leftovers() -> None:
    """Kill what still runs in our namespaces, then delete them (their veths go with them)
    and the bridge, whichever run made them."""
    listed = ip("netns", "list", check=False).stdout.split("\n")
    names = [line.split(" ", 1)[0] for line in listed if line.startswith(f"{PREFIX}-")]
    for name in names:
        kill_all(netns_pids(name))
        ip("netns", "del", name, check=False)
    links = ip("-o", "link", "show", check=False).stdout.split("\n")
    for line in links:
        parts = line.split(": ")
        if len(parts) > 1 and parts[1].split("@")[0].startswith(f"{PREFIX}-"):
            ip("link", "del", parts[1].split("@")[0], check=False)
