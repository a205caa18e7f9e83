"""Production settings pass Django's deployment checklist, and HTTPS is enforced."""

from __future__ import annotations

import secrets
import subprocess

from tests.web.test_serve import clean_env, nablalab


def test_manage_check_deploy_is_clean_with_production_settings(tmp_path):
    env = clean_env() | {"SECRET_KEY": secrets.token_urlsafe(60),
                         "NABLALAB_DATA_DIR": str(tmp_path),
                         "NABLALAB_ALLOWED_HOSTS": "course.example.org"}
    done = subprocess.run(nablalab("manage", "check", "--deploy", "--fail-level", "WARNING"),
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


def test_plain_http_is_redirected_but_probes_are_not(client, settings, db):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/").status_code == 301
    assert client.get("/healthz").status_code == 200
    secure = client.get("/", secure=True)
    assert secure.status_code == 200
    assert "max-age=31536000; includeSubDomains; preload" in secure["Strict-Transport-Security"]
