"""Syncing content into the database: complete, ordered, idempotent, following edits."""

from __future__ import annotations

import shutil

import pytest

from nablalab.course import ContentError, default_content_dir, load_course
from nablalab.web.catalog.models import Course, Lesson, Module, ModuleItem
from nablalab.web.catalog.sync import sync_course
from nablalab.web.learning.models import Enrolment, LessonCompletion

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(tmp_path):
    """A private copy of the real content, to edit."""
    root = tmp_path / "content"
    shutil.copytree(default_content_dir(), root)
    return root


def test_the_session_database_holds_the_whole_course(course):
    source = load_course()
    assert course.title == source.title
    assert Module.objects.count() == len(source.modules) == 9
    assert Module.objects.filter(extra=True).count() == 3
    assert Lesson.objects.count() == sum(len(m.lessons) for m in source.modules)
    assert ModuleItem.objects.count() == sum(len(m.items) for m in source.modules)


def test_lessons_and_items_share_one_sequence_per_module(course):
    for module, source in zip(course.modules.all(), load_course().modules, strict=True):
        rows = sorted([*module.lessons.all(), *module.items.all()], key=lambda r: r.position)
        assert [row.slug for row in rows] == [step.slug for step in source.sequence()]
        assert [row.position for row in rows] == list(range(1, len(rows) + 1))


def test_graded_flag_follows_the_kind(course):
    assert set(ModuleItem.objects.filter(graded=True).values_list("kind", flat=True)) == {
        "graded-quiz", "assignment"}


def test_syncing_again_changes_nothing(course):
    _, report = sync_course(load_course())
    assert not report.changed
    assert report.counts["unchanged"] == 1 + Module.objects.count() + Lesson.objects.count() \
        + ModuleItem.objects.count()


def test_an_edited_lesson_is_updated_in_place_keeping_progress(content, course, learner):
    lesson = Lesson.objects.get(slug="product-rule")
    LessonCompletion.objects.create(learner=learner, lesson=lesson)
    path = content / "01-what-is-calculus" / "05-product-rule.md"
    path.write_text(path.read_text().replace('title = "Product rule"',
                                             'title = "The product rule"'))
    _, report = sync_course(load_course(content))
    assert report.counts["updated"] == 1 and report.counts["created"] == 0
    lesson.refresh_from_db()
    assert lesson.title == "The product rule"
    assert LessonCompletion.objects.filter(learner=learner, lesson=lesson).exists()


def test_a_removed_lesson_and_item_are_deleted(content, course):
    module = content / "06-regression"
    (module / "04-wrap-up.md").unlink()
    _, report = sync_course(load_course(content))
    assert report.counts["deleted"] == 1
    assert not Lesson.objects.filter(slug="wrap-up").exists()
    text = (module / "module.md").read_text()
    start = text.index('[[items]]\nslug = "fitting-height-data"')
    (module / "module.md").write_text(text[:start] + text[text.index("+++", start):])
    sync_course(load_course(content))
    assert not ModuleItem.objects.filter(slug="fitting-height-data").exists()


def test_invalid_content_never_reaches_the_database(content, course, learner):
    Enrolment.objects.create(learner=learner, course=course)
    path = content / "course.md"
    path.write_text(path.read_text().replace('level = "Beginner"', 'level = "Expert"'))
    with pytest.raises(ContentError, match="level must be one of"):
        sync_course(load_course(content))
    assert Course.objects.get().level == "Beginner"
    assert Enrolment.objects.filter(learner=learner).exists()


def test_models_and_migrations_agree():
    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
