"""The front host's nginx configuration keeps deploy/nginx.conf's proxy settings, serves them
over plain http with our app hosts, and is accepted by nginx itself."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from bench.multihost.nginx_conf import DEPLOY_CONF, derive, top_level_blocks


def test_blocks_are_read_at_the_top_level_only() -> None:
    text = "upstream u { server a:1; } # a comment { }\nserver { location / { x; } }"
    assert [header for header, _ in top_level_blocks(text)] == ["upstream u", "server"]


def test_derived_config_keeps_deploy_settings_over_plain_http(tmp_path: Path) -> None:
    text = derive(["10.77.0.11", "10.77.0.12"], "10.77.0.5:80", tmp_path)
    assert "server 10.77.0.11:8000 max_fails=2 fail_timeout=5s;" in text
    assert "server 10.77.0.12:8000 max_fails=2 fail_timeout=5s;" in text
    assert "app1.internal" not in text
    assert "ssl" not in text and "listen 443" not in text and "http2" not in text
    assert "listen 10.77.0.5:80;" in text
    for line in ("proxy_next_upstream error timeout http_502;",
                 "proxy_set_header X-Request-ID $request_id;", "least_conn;",
                 "error_page 502 504 = @unavailable;"):
        assert line in text
        assert line in DEPLOY_CONF.read_text()


def test_nginx_accepts_the_derived_config(tmp_path: Path) -> None:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        pytest.fail("nginx is not installed (apt-get install nginx): the multi-host test "
                    "runs it on its front host")
    conf = tmp_path / "nginx.conf"
    conf.write_text(derive(["127.0.0.1"], "127.0.0.1:18080", tmp_path))
    checked = subprocess.run([nginx, "-t", "-c", str(conf)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
