"""Reading the deployment's settings from the environment, as small testable functions.

Environment variables (all optional for a local run):

- ``NABLALAB_DATA_DIR``: where the SQLite database, the generated secret key and collected
  static files live (default ``$XDG_DATA_HOME/nablalab`` or ``~/.local/share/nablalab``).
- ``DATABASE_URL``: ``postgres://user:pass@host:5432/name`` for PostgreSQL (via psycopg), or
  ``sqlite:////absolute/path.sqlite3`` (three slashes: a path relative to the working
  directory); default an SQLite file in the data dir.
- ``SECRET_KEY``: Django's signing key; default a random key generated once and kept in the
  data dir (readable only by its owner).
- ``NABLALAB_DEBUG=1``: Django's debug mode (off by default).
- ``NABLALAB_SECURE_COOKIES``: send cookies over HTTPS only and trust ``X-Forwarded-Proto``
  from the proxy; default on unless debugging. ``nablalab serve`` turns it off for a plain
  http run on this machine.
- ``NABLALAB_ALLOWED_HOSTS``, ``NABLALAB_CSRF_TRUSTED_ORIGINS``: comma-separated lists.
- ``NABLALAB_CONTENT_DIR``: the course content folder (default: the repository's ``content/``).
- ``NABLALAB_CACHE_URL``: ``redis://host:6379/1`` for the counters behind rate and sign-in
  limits, so that every app server counts together; default each process's own memory.
- ``NABLALAB_TRUSTED_PROXIES``: how many proxies (nginx: 1) add to X-Forwarded-For before the
  app; default 0, the peer's own address.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

SECRET_KEY_FILE = "secret_key"
DATABASE_FILE = "nablalab.sqlite3"
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}

# Write-ahead logging lets readers carry on while one request writes; IMMEDIATE transactions
# take the write lock up front, so concurrent writers wait (busy timeout) instead of failing.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    "PRAGMA foreign_keys=ON;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}


class ConfigError(ValueError):
    """A setting in the environment that cannot be used as it stands."""


def env_flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigError(f"{name}={raw!r}: use 1 or 0 (also true/false, yes/no, on/off)")


def env_list(env: Mapping[str, str], name: str, default: tuple[str, ...] = ()) -> list[str]:
    raw = env.get(name)
    if raw is None:
        return list(default)
    return [part.strip() for part in raw.split(",") if part.strip()]


def data_dir(env: Mapping[str, str]) -> Path:
    if env.get("NABLALAB_DATA_DIR"):
        return Path(env["NABLALAB_DATA_DIR"]).expanduser().resolve()
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base).expanduser().resolve() / "nablalab"


def database(env: Mapping[str, str], data: Path) -> dict[str, Any]:
    """Django's DATABASES['default'] from DATABASE_URL, or the SQLite file in the data dir."""
    url = env.get("DATABASE_URL", "").strip()
    if not url:
        return _sqlite(data / DATABASE_FILE)
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        path = unquote(parts.path)[1:]  # the slash after the empty host is not part of it
        if not path.strip("/"):
            raise ConfigError("DATABASE_URL: sqlite URLs name a file, e.g. "
                              "sqlite:////srv/nablalab.sqlite3")
        return _sqlite(Path(path))
    if parts.scheme in ("postgres", "postgresql", "pgsql"):
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise ConfigError("DATABASE_URL: name the database, e.g. postgres://host/nablalab")
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "OPTIONS": dict(parse_qsl(parts.query)),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    raise ConfigError(f"DATABASE_URL: unsupported scheme {parts.scheme!r} "
                      "(use postgres:// or sqlite:///)")


def _sqlite(path: Path) -> dict[str, Any]:
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path),
            "OPTIONS": dict(SQLITE_OPTIONS)}


def secret_key(env: Mapping[str, str], data: Path) -> str:
    """SECRET_KEY from the environment, else one generated once and kept in the data dir."""
    if env.get("SECRET_KEY"):
        return env["SECRET_KEY"]
    path = data / SECRET_KEY_FILE
    data.mkdir(parents=True, exist_ok=True)
    try:
        # Owner-only from the start; O_EXCL so two processes starting together agree on one key.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        key = path.read_text(encoding="ascii").strip()
        if not key:
            raise ConfigError(f"{path} is empty: delete it to generate a new key") from None
        return key
    key = secrets.token_urlsafe(50)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
    return key


def shared_cache(env: Mapping[str, str]) -> dict[str, Any]:
    """The cache for counters that must be shared by every app process and server (rate and
    sign-in limits): Redis when ``NABLALAB_CACHE_URL`` names one, else this process's memory."""
    url = env.get("NABLALAB_CACHE_URL", "").strip()
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "nablalab-default"}
    if urlsplit(url).scheme not in ("redis", "rediss", "unix"):
        raise ConfigError(f"NABLALAB_CACHE_URL={url!r}: use redis://host:6379/1")
    return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url,
            "KEY_PREFIX": "nablalab",
            # An outage costs a request a second at most (see nablalab.web.shared_cache).
            "OPTIONS": {"socket_connect_timeout": 1.0, "socket_timeout": 1.0}}


def env_count(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit():
        raise ConfigError(f"{name}={raw!r}: use a whole number such as {default}")
    return int(raw)
