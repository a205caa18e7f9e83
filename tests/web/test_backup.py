"""A backup taken while the site runs, restored over later changes, brings the data back
exactly (SQLite by default; PostgreSQL when the suite runs there)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.models import User

from nablalab.course import load_course
from nablalab.web.backup import BackupError, backup, restore
from nablalab.web.catalog.sync import sync_course
from nablalab.web.reviews.models import Review


@pytest.fixture
def committed_site(django_db_blocker):
    """Backups see committed data only, so the test commits; a transactional test empties the
    database when it ends, so the course is put back afterwards (this fixture is set up
    before ``transactional_db``, so it is torn down after it)."""
    yield
    with django_db_blocker.unblock():
        sync_course(load_course(settings.CONTENT_DIR))


def test_a_backup_round_trip_restores_the_data(tmp_path, committed_site, transactional_db,
                                               learner):
    from nablalab.web.catalog.lookup import site_course
    Review.objects.create(course=site_course(), author=learner, stars=4, text="Kept safe.")
    message = backup(tmp_path / "site.backup")
    assert "written to" in message

    User.objects.create_user("after-the-backup")
    Review.objects.all().delete()
    restore(tmp_path / "site.backup")

    assert Review.objects.get().text == "Kept safe."
    assert not User.objects.filter(username="after-the-backup").exists()


@pytest.mark.django_db
def test_a_file_that_is_not_a_backup_is_refused(tmp_path):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("hello")
    with pytest.raises(BackupError, match=r"not an? "):
        restore(bogus)
    with pytest.raises(BackupError, match="does not exist"):
        restore(tmp_path / "missing.backup")
