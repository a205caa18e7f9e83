"""The front host's nginx configuration, derived from ``deploy/nginx.conf`` so the test runs
the proxy settings a deployment uses (balancing, failover, timeouts, request ids): its
upstream block with our app hosts in it, and its HTTPS server block served as plain http
(no certificates here). The rest is what a Debian nginx.conf provides around a site."""

from __future__ import annotations

import re
from pathlib import Path

DEPLOY_CONF = Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf"
TLS_ONLY = re.compile(r"^\s*(ssl_\w+|http2|listen|server_name)\b")
UPSTREAM_SERVER = re.compile(r"^\s*server\s+\S+(?P<options>[^;]*);")


def top_level_blocks(text: str) -> list[tuple[str, str]]:
    """(header, body) of each top-level ``name args { ... }`` block, comments removed."""
    text = re.sub(r"#[^\n]*", "", text)
    blocks, depth, start, header_start = [], 0, 0, 0
    for index, char in enumerate(text):
        if char == "{":
            if depth == 0:
                start = index + 1
                header = text[header_start:index].strip()
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                blocks.append((header, text[start:index]))
                header_start = index + 1
        elif char == ";" and depth == 0:
            header_start = index + 1
    return blocks


def derive(app_addresses: list[str], listen: str, folder: Path, app_port: int = 8000,
           deploy_conf: Path = DEPLOY_CONF) -> str:
    blocks = top_level_blocks(deploy_conf.read_text(encoding="utf-8"))
    upstream = next((h, b) for h, b in blocks if h.startswith("upstream "))
    secure = next(b for h, b in blocks if h == "server" and "listen 443" in b)
    lines = upstream[1].strip().splitlines()
    options = next(m["options"] for m in map(UPSTREAM_SERVER.match, lines) if m)
    servers = [f"    server {address}:{app_port}{options};" for address in app_addresses]
    first = next(i for i, line in enumerate(lines) if UPSTREAM_SERVER.match(line))
    kept = [line for line in lines if not UPSTREAM_SERVER.match(line)]
    upstream_text = "\n".join([f"{upstream[0]} {{", *kept[:first], *servers, *kept[first:],
                                "}"])
    body = [line for line in secure.splitlines() if not TLS_ONLY.match(line)]
    server_text = "\n".join(["server {", f"    listen {listen};", *body, "}"])
    return f"""worker_processes 1;
worker_rlimit_nofile 8192;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
{upstream_text}
{server_text}
}}
"""
