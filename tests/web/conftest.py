"""pytest-django set-up for the web tests (kept here so pyproject stays untouched).

Django is configured at import, with a throw-away data dir, before any test runs; the test
database is created once per session and the real course content synced into it. SQLite by
default; ``NABLALAB_TEST_DATABASE_URL=postgres://...`` runs the same tests on PostgreSQL
(Django's test runner creates and drops its own ``test_`` database there).
"""

from __future__ import annotations

import os
import tempfile

import django
import pytest

_DATA_DIR = tempfile.mkdtemp(prefix="nablalab-test-data-")
os.makedirs(os.path.join(_DATA_DIR, "static"))  # whitenoise expects STATIC_ROOT to exist
os.environ["NABLALAB_DATA_DIR"] = _DATA_DIR
os.environ["DJANGO_SETTINGS_MODULE"] = "nablalab.web.settings"
os.environ.pop("DATABASE_URL", None)  # never a deployment's database by accident
os.environ["NABLALAB_SSL_REDIRECT"] = "0"  # the test client speaks plain http
if os.environ.get("NABLALAB_TEST_DATABASE_URL"):
    os.environ["DATABASE_URL"] = os.environ["NABLALAB_TEST_DATABASE_URL"]
django.setup()

from django.conf import settings  # noqa: E402  (needs django.setup())
from django.contrib.auth.models import User  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.test import Client  # noqa: E402

from nablalab.course import load_course  # noqa: E402
from nablalab.web.catalog.models import Course  # noqa: E402
from nablalab.web.catalog.sync import sync_course  # noqa: E402
from nablalab.web.learning.models import Enrolment  # noqa: E402

PASSWORD = "a-long-test-passphrase-42"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        sync_course(load_course(settings.CONTENT_DIR))


@pytest.fixture(autouse=True)
def _fresh_caches():
    # Rendered visitor pages and rate-limit counters live in process-wide caches: no test
    # may see another's.
    for name in ("pages", "default", "checks"):
        caches[name].clear()


@pytest.fixture(autouse=True)
def _test_settings(settings):
    # Templates resolve {% static %} without a collected manifest; hashing fast passwords.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def course(db) -> Course:
    return Course.objects.get()


def make_user(name: str, *, staff: bool = False) -> User:
    return User.objects.create_user(name, f"{name}@example.org", PASSWORD, is_staff=staff)


@pytest.fixture
def learner(db) -> User:
    return make_user("ada")


@pytest.fixture
def other_learner(db) -> User:
    return make_user("grace")


@pytest.fixture
def learner_client(learner) -> Client:
    client = Client()
    client.force_login(learner)
    return client


@pytest.fixture
def enrolled_client(learner, learner_client, course) -> Client:
    Enrolment.objects.create(learner=learner, course=course)
    return learner_client


@pytest.fixture
def staff_client(db) -> Client:
    client = Client()
    client.force_login(make_user("instructor", staff=True))
    return client
