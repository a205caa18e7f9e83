"""The loader: front matter, layout rules and validation messages an author can act on."""

from __future__ import annotations

from pathlib import Path

import pytest

from nablalab.course import ContentError, ItemKind, load_course
from nablalab.course.frontmatter import FrontMatterError, split_front_matter

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
number = 1
title = "Slopes"
summary = "Rise over run."
{items}
+++
Intro.
"""
LESSON = """+++
module = 1
order = {order}
title = "Lesson {order}"
minutes = 5
objectives = ["Do a thing"]
+++
Body with $x^2$.
"""
ITEM = """
[[items]]
slug = "{slug}"
kind = "{kind}"
title = "Quiz"
summary = "Practice."
after = "{after}"
"""


def write_course(root: Path, items: str = "", lessons: int = 2) -> Path:
    (root / "01-slopes").mkdir(parents=True)
    (root / "course.md").write_text(COURSE)
    (root / "01-slopes" / "module.md").write_text(MODULE.format(items=items))
    for order in range(1, lessons + 1):
        (root / "01-slopes" / f"{order:02d}-lesson-{order}.md").write_text(
            LESSON.format(order=order))
    return root


def problems(root: Path) -> tuple[str, ...]:
    with pytest.raises(ContentError) as caught:
        load_course(root)
    return caught.value.problems


def test_a_valid_tree_loads_in_order(tmp_path):
    items = ITEM.format(slug="check", kind="practice-quiz", after="lesson-1")
    course = load_course(write_course(tmp_path, items))
    (module,) = course.modules
    assert (course.slug, course.skills) == ("tiny", ("Slopes",))
    assert [step.slug for step in module.sequence()] == ["lesson-1", "check", "lesson-2"]
    assert module.items[0].kind is ItemKind.PRACTICE_QUIZ and not module.items[0].kind.graded
    assert module.lessons[0].body == "Body with $x^2$.\n"
    assert module.minutes == 10


def test_lessons_follow_their_order_field_not_the_file_name(tmp_path):
    root = write_course(tmp_path)
    first = root / "01-slopes" / "01-lesson-1.md"
    first.write_text(first.read_text().replace("order = 1", "order = 9"))
    assert [lesson.slug for lesson in load_course(root).modules[0].lessons] == [
        "lesson-2", "lesson-1"]


def test_all_problems_are_reported_together(tmp_path):
    root = write_course(tmp_path)
    lesson = root / "01-slopes" / "02-lesson-2.md"
    lesson.write_text(LESSON.format(order=1).replace("module = 1", "module = 3")
                      .replace("minutes = 5", 'minutes = "five"\ncolour = "red"'))
    (root / "01-slopes" / "03-lesson-3.md").write_text(LESSON.format(order=1))
    found = "\n".join(problems(root))
    assert "module = 3 but the file is in module 1" in found
    assert "field 'minutes' must be a positive whole number" in found
    assert "unknown field 'colour'" in found
    assert "lesson order 1 is used 2 times" in found
    assert "no module folders" not in found


@pytest.mark.parametrize(("items", "message"), [
    (ITEM.format(slug="q", kind="exam", after="lesson-1"), "kind must be one of"),
    (ITEM.format(slug="q", kind="lab", after="lesson-9"), "'lesson-9' is not a lesson"),
    (ITEM.format(slug="Bad Slug", kind="lab", after="lesson-1"), "lower-case words"),
    (ITEM.format(slug="q", kind="practice-quiz", after="lesson-1") * 2,
     "item slug 'q' is used 2 times"),
    ('items = "quiz"', "items must be a list"),
    (ITEM.format(slug="q", kind="lab", after="lesson-1"), "a lab names its widget"),
    (ITEM.format(slug="q", kind="lab", after="lesson-1") + 'widget = "sandbox"\n',
     "widget = 'sandbox'"),
    (ITEM.format(slug="q", kind="lab", after="lesson-1") + 'widget = "sandpit"\n'
     'state = { variant = ["a"] }\n', "state must be a table of plain values"),
    (ITEM.format(slug="q", kind="practice-quiz", after="lesson-1") + 'widget = "sandpit"\n',
     "only labs name a widget"),
])
def test_item_problems(tmp_path, items, message):
    assert any(message in problem for problem in problems(write_course(tmp_path, items)))


def test_layout_problems(tmp_path):
    root = write_course(tmp_path)
    (root / "notes").mkdir()
    (root / "02-empty").mkdir()
    (root / "01-slopes" / "extra notes.md").write_text(LESSON.format(order=7))
    found = "\n".join(problems(root))
    assert "notes: module folders are named NN-slug" in found
    assert "02-empty: missing module.md" in found
    assert "lesson files are named NN-slug.md" in found


def test_module_number_must_match_its_folder(tmp_path):
    root = write_course(tmp_path)
    module = root / "01-slopes" / "module.md"
    module.write_text(module.read_text().replace("number = 1", "number = 2"))
    assert any("does not match the folder's prefix 01" in p for p in problems(root))


def test_course_problems(tmp_path):
    root = write_course(tmp_path)
    course = root / "course.md"
    course.write_text(COURSE.replace('"Beginner"', '"Expert"')
                      .replace("provider = ", "publisher = "))
    found = "\n".join(problems(root))
    assert "level must be one of Beginner, Intermediate, Advanced" in found
    assert "missing field 'provider'" in found and "unknown field 'publisher'" in found


def test_missing_course_file(tmp_path):
    (message,) = problems(tmp_path)
    assert "no course.md here" in message


def test_empty_lesson_body(tmp_path):
    root = write_course(tmp_path)
    lesson = root / "01-slopes" / "01-lesson-1.md"
    lesson.write_text(lesson.read_text().replace("Body with $x^2$.\n", "\n"))
    assert any("has no text after its front matter" in p for p in problems(root))


@pytest.mark.parametrize(("text", "message"), [
    ("no front matter", "must start with a"),
    ("+++\ntitle = 'x'\n", "never closed"),
    ("+++\ntitle = \n+++\n", "not valid TOML"),
])
def test_front_matter_errors(text, message):
    with pytest.raises(FrontMatterError, match=message):
        split_front_matter(text)


def test_front_matter_keeps_the_body():
    fields, body = split_front_matter("\ufeff+++\na = 1\n+++\n# Title\n\ntext\n")
    assert fields == {"a": 1} and body == "# Title\n\ntext\n"


def test_error_message_lists_every_problem():
    error = ContentError(["a.md: one", "b.md: two"])
    assert str(error) == "the course content has 2 problem(s):\n  - a.md: one\n  - b.md: two"
