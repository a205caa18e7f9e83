"""The dependency audit can fail: a known vulnerability in an installed release fails it, a
package it cannot audit is named, and it takes pip-audit's path when per-release pages exist.
A real HTTP server stands in for PyPI's JSON pages."""

from __future__ import annotations

import importlib.util
import json
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "audit_dependencies.py"
PAGES = {
    "/pypi/pip/json": {"info": {"version": "25.0"}, "vulnerabilities": []},
    "/pypi/safe/json": {"info": {"version": "2.0"}, "vulnerabilities": []},
    "/pypi/leaky/json": {"info": {"version": "1.1"},
                         "vulnerabilities": [{"id": "PYSEC-2026-1", "fixed_in": []}]},
    "/pypi/behind/json": {"info": {"version": "9.0"}, "vulnerabilities": [],
                          "releases": {"8.0": [], "8.1": [], "8.1.2": [], "9.0": []}},
}


@pytest.fixture(scope="module")
def audit_module():
    spec = importlib.util.spec_from_file_location("audit_dependencies", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def pypi(audit_module, monkeypatch) -> Iterator[str]:
    class Pages(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            page = PAGES.get(self.path)
            self.send_response(200 if page else 404)
            self.end_headers()
            if page:
                self.wfile.write(json.dumps(page).encode())

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/pypi"
    monkeypatch.setattr(audit_module, "PYPI", url)
    yield url
    server.shutdown()


def test_a_vulnerable_newest_release_fails_and_an_older_one_is_named(audit_module, pypi,
                                                                     monkeypatch, capsys):
    installed = {"safe": "2.0", "leaky": "1.1", "behind": "8.1", "gone": "1.0", "pip": "25.0"}
    monkeypatch.setattr(audit_module, "installed", lambda: installed)
    assert audit_module.main() == 1  # no per-release pages: the per-project path
    said = capsys.readouterr().out
    assert "per-project advisories" in said
    assert "3 packages audited, 1 with known vulnerabilities, 2 not audited" in said
    assert "VULNERABLE leaky 1.1: PYSEC-2026-1" in said
    assert "not audited: behind 8.1 (not the newest release (9.0), 8.1.2 is out in its " \
        "series;" in said
    assert "not audited: gone 1.0 (PyPI page unavailable: not on PyPI)" in said


def test_nothing_known_passes(audit_module, pypi, monkeypatch, capsys):
    monkeypatch.setattr(audit_module, "installed", lambda: {"safe": "2.0", "pip": "25.0"})
    assert audit_module.main() == 0
    assert "2 packages audited, 0 with known vulnerabilities, 0 not audited" in \
        capsys.readouterr().out


def test_pip_audit_is_used_where_per_release_pages_exist(audit_module, pypi, monkeypatch):
    PAGES["/pypi/pip/25.0/json"] = PAGES["/pypi/pip/json"]
    used = []
    monkeypatch.setattr(audit_module, "installed", lambda: {"pip": "25.0"})
    monkeypatch.setattr(audit_module, "with_pip_audit",
                        lambda: used.append(True) or audit_module.Audit("pip-audit"))
    try:
        assert audit_module.main() == 0
    finally:
        del PAGES["/pypi/pip/25.0/json"]
    assert used == [True]


def test_pip_audit_output_is_read_for_vulnerabilities_and_skips(audit_module, monkeypatch):
    output = {"dependencies": [
        {"name": "leaky", "version": "1.1", "vulns": [{"id": "GHSA-x"}]},
        {"name": "fine", "version": "2.0", "vulns": []},
        {"name": "local", "skip_reason": "Dependency not found on PyPI"}]}

    class Done:
        returncode, stdout, stderr = 1, json.dumps(output), ""
    monkeypatch.setattr(audit_module.subprocess, "run", lambda *a, **k: Done)
    audit = audit_module.with_pip_audit()
    assert audit.vulnerable == {"leaky 1.1": ["GHSA-x"]}
    assert audit.audited == 2 and list(audit.not_audited) == ["local"]
