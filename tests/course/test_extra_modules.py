"""Modules beyond the course: the ``extra = true`` flag, read from module.md, and the rule
that such a module holds practice only (so it never changes what completion takes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nablalab.course import ContentError, load_course

COURSE = """+++
slug = "tiny"
title = "Tiny course"
provider = "nablalab"
credit = "Our own."
level = "Beginner"
skills = ["Slopes"]
+++
A tiny course.
"""
MODULE = """+++
number = {number}
title = "Module {number}"
summary = "A module."
{extra}
[[items]]
slug = "quiz-{number}"
kind = "{kind}"
title = "Quiz"
summary = "Questions."
after = "only"
+++
Intro.
"""
LESSON = """+++
module = {number}
order = 1
title = "Only lesson"
minutes = 5
objectives = ["Do a thing"]
+++
Body.
"""


def write_module(root: Path, number: int, extra: str, kind: str) -> None:
    folder = root / f"{number:02d}-module-{number}"
    folder.mkdir()
    (folder / "module.md").write_text(MODULE.format(number=number, extra=extra, kind=kind))
    (folder / "01-only.md").write_text(LESSON.format(number=number))


def tiny_course(root: Path, extra: str, kind: str = "practice-quiz") -> Path:
    (root / "course.md").write_text(COURSE)
    write_module(root, 1, "", "graded-quiz")
    write_module(root, 2, extra, kind)
    return root


def test_the_flag_is_read_and_defaults_to_false(tmp_path):
    course = load_course(tiny_course(tmp_path, "extra = true"))
    assert [module.extra for module in course.modules] == [False, True]


def test_an_extra_module_may_not_hold_graded_work(tmp_path):
    with pytest.raises(ContentError, match="beyond the course"):
        load_course(tiny_course(tmp_path, "extra = true", kind="graded-quiz"))


def test_the_flag_must_be_a_boolean(tmp_path):
    with pytest.raises(ContentError, match="must be true or false"):
        load_course(tiny_course(tmp_path, 'extra = "yes"'))


def test_the_real_course_has_three_practice_only_modules_beyond_its_six():
    modules = load_course().modules
    extra = [module for module in modules if module.extra]
    assert [module.number for module in extra] == [7, 8, 9]
    assert all(not module.extra for module in modules if module.number <= 6)
    for module in extra:
        assert 4 <= len(module.lessons) <= 6
        assert module.items and all(item.kind.value == "practice-quiz" for item in module.items)
        assert all(lesson.try_its for lesson in module.lessons)
