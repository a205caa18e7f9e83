"""Upgrading a site from the first released schema (release 0.1.0: catalog, learning,
quizzes and reviews at their 0001 migrations) with learners' data in it: every migration
since applies, the content syncs, and nothing a learner did is lost."""

from __future__ import annotations

import sqlite3
import subprocess

from nablalab.web.config import DATABASE_FILE
from tests.web.test_serve import clean_env, nablalab

FIRST_RELEASE = ("catalog", "learning", "quizzes", "reviews")  # each at 0001_initial
DJANGOS_OWN = ("contenttypes", "auth", "admin", "sessions")  # unchanged since, fully applied
NOW = "2026-11-01 10:00:00"

SEED = f"""
INSERT INTO auth_user (id, password, is_superuser, username, first_name, last_name, email,
                       is_staff, is_active, date_joined)
  VALUES (1, 'md5$x$y', 0, 'ada', '', '', 'ada@example.org', 0, 1, '{NOW}');
INSERT INTO catalog_course (id, slug, title, provider, credit, level, hours, skills,
                            description_html)
  VALUES (1, 'multivariate-calculus', 'Old title', 'nablalab', 'credit', 'Beginner', 18,
          '[]', '<p>old</p>');
INSERT INTO catalog_module (id, number, slug, title, summary, intro_html, course_id)
  VALUES (1, 1, 'what-is-calculus', 'What is calculus?', 's', '<p>i</p>', 1);
INSERT INTO catalog_lesson (id, slug, position, title, minutes, objectives, widgets,
                            body_html, module_id)
  VALUES (1, 'functions', 1, 'Functions', 10, '[]', '[]', '<p>old body</p>', 1);
INSERT INTO catalog_moduleitem (id, slug, position, kind, title, summary, graded, module_id)
  VALUES (1, 'unleashing-the-toolbox', 9, 'graded-quiz', 'Unleashing the toolbox', 's', 1, 1);
INSERT INTO learning_enrolment (id, enrolled_at, course_id, learner_id) VALUES (1, '{NOW}', 1, 1);
INSERT INTO learning_lessoncompletion (id, completed_at, learner_id, lesson_id)
  VALUES (1, '{NOW}', 1, 1);
INSERT INTO quizzes_attempt (id, public_id, quiz_id, graded, number, questions, drafts,
                             results, score, started_at, submitted_at, item_id, learner_id)
  VALUES (1, '0123456789abcdef0123456789abcdef', 'm1-graded-toolbox', 1, 1, '[]', '{{}}',
          '[]', 0.9, '{NOW}', '{NOW}', 1, 1);
INSERT INTO reviews_review (id, stars, text, created_at, updated_at, is_featured, is_hidden,
                            author_id, course_id)
  VALUES (1, 5, 'Kept through the upgrade.', '{NOW}', '{NOW}', 1, 0, 1, 1);
"""


def run_commands(data, *commands: tuple[str, ...]) -> None:
    """Management commands in one process (each process start costs seconds)."""
    calls = "; ".join(f"call_command{command!r}" for command in commands)
    script = f"from django.core.management import call_command; {calls}"
    done = subprocess.run(nablalab("manage", "--data-dir", str(data), "shell", "-c", script),
                          env=clean_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_first_release_database_upgrades_keeping_every_learners_data(tmp_path):
    data = tmp_path / "data"
    run_commands(data, *(("migrate", app) for app in DJANGOS_OWN),
                 *(("migrate", app, "0001") for app in FIRST_RELEASE))
    with sqlite3.connect(data / DATABASE_FILE) as db:
        db.executescript(SEED)

    run_commands(data, ("migrate",), ("sync_content",))

    with sqlite3.connect(data / DATABASE_FILE) as db:
        one = lambda sql: db.execute(sql).fetchone()  # noqa: E731
        assert one("SELECT username FROM auth_user") == ("ada",)
        assert one("SELECT learner_id, course_id FROM learning_enrolment") == (1, 1)
        # The lesson kept its row (and so the learner's completion), with today's text.
        assert one("SELECT l.slug, l.body_html != '<p>old body</p>' FROM "
                   "learning_lessoncompletion c JOIN catalog_lesson l ON l.id = c.lesson_id"
                   ) == ("functions", 1)
        assert one("SELECT score, submitted_at IS NOT NULL FROM quizzes_attempt "
                   "WHERE item_id = 1") == (0.9, 1)
        assert one("SELECT text, is_featured FROM reviews_review") == (
            "Kept through the upgrade.", 1)
        assert one("SELECT title FROM catalog_course") == (
            "Mathematics for Machine Learning: Multivariate Calculus",)
        assert one("SELECT COUNT(*) FROM catalog_module")[0] == 9
        assert one("SELECT COUNT(*) FROM django_migrations WHERE app IN "
                   "('submissions', 'mastery', 'sandpit')")[0] >= 3
