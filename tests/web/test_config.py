"""Settings read from the environment: database URLs, flags, the persisted secret key."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from nablalab.web import config


def test_default_database_is_sqlite_in_the_data_dir_with_wal(tmp_path):
    database = config.database({}, tmp_path)
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(tmp_path / config.DATABASE_FILE)
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_postgres_url_becomes_psycopg_settings(tmp_path):
    url = "postgres://learn%40er:p%2Fss%3Aword@db.example.org:6543/nablalab?sslmode=require"
    database = config.database({"DATABASE_URL": url}, tmp_path)
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["NAME"], database["USER"], database["PASSWORD"]) == (
        "nablalab", "learn@er", "p/ss:word")
    assert (database["HOST"], database["PORT"]) == ("db.example.org", "6543")
    assert database["OPTIONS"] == {"sslmode": "require"}


def test_sqlite_url_names_a_file(tmp_path):
    database = config.database({"DATABASE_URL": "sqlite:////srv/course.sqlite3"}, tmp_path)
    assert database["NAME"] == "/srv/course.sqlite3"
    relative = config.database({"DATABASE_URL": "sqlite:///data/course.sqlite3"}, tmp_path)
    assert relative["NAME"] == "data/course.sqlite3"
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]


@pytest.mark.parametrize("url", ["mysql://host/db", "postgres://host/", "sqlite://"])
def test_unusable_database_urls_are_explained(url, tmp_path):
    with pytest.raises(config.ConfigError, match="DATABASE_URL"):
        config.database({"DATABASE_URL": url}, tmp_path)


def test_secret_key_is_generated_once_and_kept_private(tmp_path):
    first = config.secret_key({}, tmp_path)
    second = config.secret_key({}, tmp_path)
    assert first == second and len(first) >= 50
    mode = stat.S_IMODE((tmp_path / config.SECRET_KEY_FILE).stat().st_mode)
    assert mode == 0o600


def test_secret_key_from_the_environment_wins(tmp_path):
    assert config.secret_key({"SECRET_KEY": "from-env"}, tmp_path) == "from-env"
    assert not (tmp_path / config.SECRET_KEY_FILE).exists()


def test_empty_key_file_is_reported(tmp_path):
    (tmp_path / config.SECRET_KEY_FILE).write_text("")
    with pytest.raises(config.ConfigError, match="delete it"):
        config.secret_key({}, tmp_path)


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("yes", True), ("ON", True),
                                               ("0", False), ("false", False), ("", False)])
def test_flags(raw, expected):
    assert config.env_flag({"X": raw}, "X", default=not expected) is expected


def test_flag_default_and_nonsense():
    assert config.env_flag({}, "X", default=True) is True
    with pytest.raises(config.ConfigError, match="use 1 or 0"):
        config.env_flag({"X": "maybe"}, "X", default=False)


def test_lists_and_data_dir():
    assert config.env_list({"H": " a.org, ,b.org "}, "H") == ["a.org", "b.org"]
    assert config.env_list({}, "H", ("localhost",)) == ["localhost"]
    assert config.data_dir({"NABLALAB_DATA_DIR": "/srv/nl"}) == Path("/srv/nl")
    assert config.data_dir({"XDG_DATA_HOME": "/x"}) == Path("/x/nablalab")


def test_running_settings_are_safe_by_default():
    """The test process sets no NABLALAB_* flags, so the module holds the production defaults
    (read from the module: Django's test runner swaps some of them at run time)."""
    from nablalab.web import settings

    assert not settings.DEBUG
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE
    assert settings.ALLOWED_HOSTS == ["localhost", "127.0.0.1", "[::1]"]
    assert settings.EMAIL_BACKEND.endswith("console.EmailBackend")
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in settings.MIDDLEWARE
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 256 * 1024
