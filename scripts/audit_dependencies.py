"""Known vulnerabilities in the installed Python packages: fails (exit 1) when any is found.

pip-audit does the audit where it can reach its service (PyPI's per-release JSON, which
carries each release's advisories). Some networks (this project's build machines among them)
reach only PyPI's per-project JSON, whose advisories are those of the newest release; there
every package installed at its newest release is audited from that, and the rest are listed
as not audited, by name, so nothing passes unseen. With no route to PyPI at all it says so.
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata

from packaging.version import InvalidVersion, Version

PYPI = "https://pypi.org/pypi"
TIMEOUT = 15
OWN = "nablalab"  # the project itself: not on PyPI


@dataclass
class Audit:
    how: str
    vulnerable: dict[str, list[str]] = field(default_factory=dict)  # "name version" -> ids
    audited: int = 0
    not_audited: dict[str, str] = field(default_factory=dict)  # "name version" -> why


def installed() -> dict[str, str]:
    found = {}
    for dist in metadata.distributions():
        name = dist.metadata["Name"]
        if name and name.lower() != OWN:
            found[name.lower()] = dist.version
    return found


def fetch(url: str) -> dict | None:
    """The JSON at ``url``; None when PyPI has no such page (404)."""
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return None
        raise


def reachable(url: str) -> bool:
    try:
        return fetch(url) is not None
    except (OSError, ValueError):
        return False


def with_pip_audit() -> Audit:
    done = subprocess.run([sys.executable, "-m", "pip_audit", "--format", "json",
                           "--skip-editable", "--progress-spinner", "off"],
                          capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1) or not done.stdout.strip():
        raise SystemExit(f"pip-audit failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    audit = Audit("pip-audit (PyPI advisories for each installed release)")
    for dependency in json.loads(done.stdout)["dependencies"]:
        key = f"{dependency['name']} {dependency.get('version', '')}".strip()
        if dependency.get("skip_reason"):
            audit.not_audited[key] = dependency["skip_reason"]
            continue
        audit.audited += 1
        if dependency["vulns"]:
            audit.vulnerable[key] = [vuln["id"] for vuln in dependency["vulns"]]
    return audit


def with_project_pages(packages: dict[str, str]) -> Audit:
    audit = Audit("PyPI's per-project advisories (those of each package's newest release)")

    def look(name: str) -> tuple[str, dict | Exception | None]:
        try:
            return name, fetch(f"{PYPI}/{name}/json")
        except (OSError, ValueError) as error:
            return name, error

    with ThreadPoolExecutor(16) as pool:
        for name, page in pool.map(look, sorted(packages)):
            key = f"{name} {packages[name]}"
            if not isinstance(page, dict):
                audit.not_audited[key] = f"PyPI page unavailable: {page or 'not on PyPI'}"
            elif page["info"]["version"] != packages[name]:
                audit.not_audited[key] = (f"not the newest release ({page['info']['version']}), "
                                          f"{_in_its_series(packages[name], page['releases'])}; "
                                          "its advisories need PyPI's per-release pages")
            else:
                audit.audited += 1
                if page.get("vulnerabilities"):
                    audit.vulnerable[key] = [v["id"] for v in page["vulnerabilities"]]
    return audit


def _in_its_series(installed: str, releases: dict[str, list]) -> str:
    """Whether a newer patch of the installed major.minor series is out: security fixes are
    usually released there too (a long-term-support series, say), so one is worth taking."""
    try:
        mine = Version(installed)
        newer = [Version(v) for v in releases
                 if _release(v) and Version(v).release[:2] == mine.release[:2]
                 and Version(v) > mine]
    except InvalidVersion:
        return "series unknown"
    return f"{max(newer)} is out in its series" if newer else "the newest of its series"


def _release(text: str) -> bool:
    try:
        return not Version(text).is_prerelease
    except InvalidVersion:
        return False


def report(audit: Audit) -> str:
    lines = [f"Dependency audit by {audit.how}: {audit.audited} packages audited, "
             f"{len(audit.vulnerable)} with known vulnerabilities, "
             f"{len(audit.not_audited)} not audited."]
    lines += [f"  VULNERABLE {key}: {', '.join(ids)}" for key, ids in audit.vulnerable.items()]
    lines += [f"  not audited: {key} ({why})" for key, why in audit.not_audited.items()]
    return "\n".join(lines)


def main() -> int:
    packages = installed()
    pip_version = packages.get("pip", metadata.version("pip"))
    if reachable(f"{PYPI}/pip/{pip_version}/json"):
        audit = with_pip_audit()
    elif reachable(f"{PYPI}/pip/json"):
        audit = with_project_pages(packages)
    else:
        print(f"Dependency audit not done: no route to {PYPI} from this machine.")
        return 0
    print(report(audit))
    return 1 if audit.vulnerable else 0


if __name__ == "__main__":
    sys.exit(main())
