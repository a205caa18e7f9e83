"""The Django admin for content and people, the sync_content command and static collection."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client

from nablalab.web.prepare import collect_static_if_changed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/admin/catalog/lesson/", "/admin/catalog/module/1/change/",
                                  "/admin/reviews/review/", "/admin/learning/enrolment/",
                                  "/admin/auth/user/"])
def test_superusers_manage_content_and_people(course, path):
    client = Client()
    client.force_login(User.objects.create_superuser("root", "root@example.org", "pw"))
    assert client.get(path).status_code == 200


def test_learners_are_kept_out_of_the_admin(learner_client, course):
    response = learner_client.get("/admin/catalog/lesson/")
    assert response.status_code == 302 and "/admin/login/" in response.url


def test_sync_content_command_reports_and_refuses_bad_content(course, tmp_path, capsys):
    call_command("sync_content")
    assert "0 created, 0 updated" in capsys.readouterr().out
    (tmp_path / "course.md").write_text("no front matter")
    with pytest.raises(CommandError, match="must start with a"):
        call_command("sync_content", "--content-dir", str(tmp_path))


def test_static_files_are_collected_only_when_they_change(settings, tmp_path):
    source = tmp_path / "extra"
    source.mkdir()
    (source / "note.css").write_text("p { color: black; }")
    settings.STATICFILES_DIRS = [*settings.STATICFILES_DIRS, source]
    settings.STATIC_ROOT = tmp_path / "collected"
    assert collect_static_if_changed().startswith("Static files: collected")
    assert (tmp_path / "collected" / "note.css").is_file()
    assert collect_static_if_changed() == "Static files: up to date"
    (source / "note.css").write_text("p { color: navy; }")
    assert collect_static_if_changed().startswith("Static files: collected")
