"""Read and validate the ``content/`` folder into a ``Course``.

Layout: ``course.md`` at the top, then one folder per module named ``NN-slug`` holding
``module.md`` and its lessons ``NN-slug.md``. Every file starts with TOML front matter (see
``frontmatter``). All problems are collected and raised together as one ``ContentError``.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from nablalab.course import examples, widgets
from nablalab.course.content import Course, Item, ItemKind, Lesson, Module
from nablalab.course.errors import ContentError
from nablalab.course.frontmatter import FrontMatterError, split_front_matter
from nablalab.course.glossary import load_glossary
from nablalab.course.markdown import fenced_blocks
from nablalab.course.tryit import FENCE_INFO, TryIt, TryItError, read_try_it

COURSE_FILE = "course.md"
MODULE_FILE = "module.md"
LEVELS = ("Beginner", "Intermediate", "Advanced")
MAX_TEXT = 600

_NUMBERED = re.compile(r"^(?P<number>\d{2})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Front matter schemas: field -> (type, required). "list" means a list of non-empty strings.
_COURSE_FIELDS = {"slug": (str, True), "title": (str, True), "provider": (str, True),
                  "credit": (str, True), "level": (str, True),
                  "skills": (list, True)}
_MODULE_FIELDS = {"number": (int, True), "title": (str, True), "summary": (str, True),
                  "items": (dict, False), "extra": (bool, False)}
_LESSON_FIELDS = {"module": (int, True), "order": (int, True), "title": (str, True),
                  "minutes": (int, True), "objectives": (list, True)}
_ITEM_FIELDS = {"slug": (str, True), "kind": (str, True), "title": (str, True),
                "summary": (str, True), "after": (str, True), "widget": (str, False),
                "state": (dict, False)}


def default_content_dir() -> Path:
    """The ``content/`` folder of the source tree this package runs from."""
    return Path(__file__).resolve().parents[3] / "content"


def load_course(root: Path | str | None = None) -> Course:
    """Read, check and return the whole course; raise ``ContentError`` listing every problem."""
    root = Path(root) if root is not None else default_content_dir()
    problems: list[str] = []
    if not (root / COURSE_FILE).is_file():
        raise ContentError([f"{root}: no {COURSE_FILE} here; is this the content folder?"])
    fields, description = _read(root / COURSE_FILE, _COURSE_FIELDS, problems)
    folders = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    modules = tuple(module for folder in folders
                    if (module := _load_module(folder, problems)) is not None)
    _check_unique([m.number for m in modules], f"{root}: module number", problems)
    _check_unique([question.id for module in modules for lesson in module.lessons
                   for question in lesson.try_its], f"{root}: tryit id", problems)
    if not folders:
        problems.append(f"{root}: no module folders (named like 01-what-is-calculus)")
    if fields.get("level") not in LEVELS and "level" in fields:
        problems.append(f"{root / COURSE_FILE}: level must be one of {', '.join(LEVELS)}")
    _check_slug(fields.get("slug"), root / COURSE_FILE, problems)
    try:
        terms = load_glossary(root)
    except ContentError as error:
        problems.extend(error.problems)
    if problems:
        raise ContentError(problems)
    return Course(slug=fields["slug"], title=fields["title"], provider=fields["provider"],
                  credit=fields["credit"], level=fields["level"],
                  skills=tuple(fields["skills"]), description=description.strip(),
                  modules=modules, glossary=terms)


def _load_module(folder: Path, problems: list[str]) -> Module | None:
    name = _NUMBERED.match(folder.name)
    if name is None:
        problems.append(f"{folder}: module folders are named NN-slug, e.g. 01-what-is-calculus")
        return None
    if not (folder / MODULE_FILE).is_file():
        problems.append(f"{folder}: missing {MODULE_FILE}")
        return None
    before = len(problems)
    fields, intro = _read(folder / MODULE_FILE, _MODULE_FIELDS, problems)
    number = int(name["number"])
    if "number" in fields and fields["number"] != number:
        problems.append(f"{folder / MODULE_FILE}: number {fields['number']} does not match the "
                        f"folder's prefix {name['number']}")
    lessons = tuple(sorted(
        (lesson for path in sorted(folder.glob("*.md")) if path.name != MODULE_FILE
         if (lesson := _load_lesson(path, number, problems)) is not None),
        key=lambda lesson: lesson.order))
    if not lessons:
        problems.append(f"{folder}: a module needs at least one lesson file")
    _check_unique([lesson.order for lesson in lessons], f"{folder}: lesson order", problems)
    items = _load_items(fields.get("items", []), folder / MODULE_FILE, lessons, problems)
    extra = fields.get("extra", False)
    if extra and any(item.kind.graded for item in items):
        problems.append(f"{folder / MODULE_FILE}: a module beyond the course (extra = true) "
                        "holds practice only, so it cannot change what completing the course "
                        "takes: remove its graded items or the extra flag")
    if len(problems) > before:
        return None
    return Module(number=number, slug=name["slug"], title=fields["title"],
                  summary=fields["summary"], intro=intro.strip(), lessons=lessons, items=items,
                  extra=extra)


def _load_lesson(path: Path, module: int, problems: list[str]) -> Lesson | None:
    name = _NUMBERED.match(path.stem)
    if name is None:
        problems.append(f"{path}: lesson files are named NN-slug.md, e.g. 02-rise-over-run.md")
        return None
    before = len(problems)
    fields, body = _read(path, _LESSON_FIELDS, problems)
    if "module" in fields and fields["module"] != module:
        problems.append(f"{path}: module = {fields['module']} but the file is in module {module}")
    if not body.strip():
        problems.append(f"{path}: the lesson has no text after its front matter")
    try_its = _load_try_its(body, path, problems)
    widget_names = _load_widgets(body, path, problems)
    worked = _load_examples(body, path, problems)
    if len(problems) > before:
        return None
    return Lesson(slug=name["slug"], module=module, order=fields["order"], title=fields["title"],
                  minutes=fields["minutes"], objectives=tuple(fields["objectives"]),
                  body=body.strip() + "\n", source=path,
                  widgets=widget_names, try_its=try_its, examples=worked)


def _load_try_its(body: str, path: Path, problems: list[str]) -> tuple[TryIt, ...]:
    questions: list[TryIt] = []
    for source in fenced_blocks(body, FENCE_INFO):
        try:
            questions.append(read_try_it(source))
        except TryItError as error:
            problems.append(f"{path}: {error}")
    return tuple(questions)


def _load_examples(body: str, path: Path, problems: list[str]) -> tuple[examples.Example, ...]:
    """The lesson's worked examples as written (only read here: the content check verifies)."""
    found: list[examples.Example] = []
    for source in fenced_blocks(body, examples.FENCE_INFO):
        try:
            found.append(examples.read_example(source))
        except examples.ExampleError as error:
            problems.append(f"{path}: {error}")
    return tuple(found)


def _load_widgets(body: str, path: Path, problems: list[str]) -> tuple[str, ...]:
    """The lesson's widgets, each once, in the order the text first places them."""
    names: list[str] = []
    for source in fenced_blocks(body, widgets.FENCE_INFO):
        try:
            names.append(widgets.read_widget_block(source).name)
        except widgets.WidgetBlockError as error:
            problems.append(f"{path}: {error}")
    return tuple(dict.fromkeys(names))


def _load_items(raw: Any, where: Path, lessons: tuple[Lesson, ...],
                problems: list[str]) -> tuple[Item, ...]:
    if not isinstance(raw, list):
        problems.append(f"{where}: items must be a list of [[items]] tables")
        return ()
    lesson_slugs = {lesson.slug for lesson in lessons}
    kinds = {kind.value for kind in ItemKind}
    items: list[Item] = []
    for index, entry in enumerate(raw, start=1):
        label = f"{where}: item {index}"
        before = len(problems)
        fields = _validate(entry, _ITEM_FIELDS, label, problems) if isinstance(entry, dict) else {}
        if not isinstance(entry, dict):
            problems.append(f"{label}: must be a table")
        elif fields.get("kind") not in kinds and "kind" in fields:
            problems.append(f"{label}: kind must be one of {', '.join(sorted(kinds))}")
        if "after" in fields and fields["after"] not in lesson_slugs:
            problems.append(f"{label}: after = {fields['after']!r} is not a lesson of this module")
        _check_slug(fields.get("slug"), label, problems)
        _check_lab_widget(fields, label, problems)
        if len(problems) == before:
            items.append(Item(slug=fields["slug"], kind=ItemKind(fields["kind"]),
                              title=fields["title"], summary=fields["summary"],
                              after=fields["after"], widget=fields.get("widget", ""),
                              state=fields.get("state", {})))
    _check_unique([item.slug for item in items], f"{where}: item slug", problems)
    return tuple(items)


def _check_lab_widget(fields: dict[str, Any], label: str, problems: list[str]) -> None:
    """A lab is played in a widget, so it must name one that exists; nothing else names one."""
    widget, is_lab = fields.get("widget"), fields.get("kind") == ItemKind.LAB.value
    if is_lab and widget not in widgets.WIDGETS:
        problems.append(f"{label}: a lab names its widget, one of "
                        f"{', '.join(sorted(widgets.WIDGETS))} (widget = {widget!r})")
    elif is_lab:
        try:
            widgets.check_state(widget, fields.get("state", {}))
        except widgets.WidgetBlockError as error:
            problems.append(f"{label}: {error}")
    elif (widget is not None or "state" in fields) and not is_lab:
        problems.append(f"{label}: only labs name a widget and its starting state")


def _read(path: Path, schema: dict[str, tuple[type, bool]],
          problems: list[str]) -> tuple[dict[str, Any], str]:
    try:
        raw, body = split_front_matter(path.read_text(encoding="utf-8"))
    except (FrontMatterError, UnicodeDecodeError) as error:
        problems.append(f"{path}: {error}")
        return {}, ""
    return _validate(raw, schema, str(path), problems), body


def _validate(raw: dict[str, Any], schema: dict[str, tuple[type, bool]], where: str,
              problems: list[str]) -> dict[str, Any]:
    """Keep the fields that have the right type; report missing, unknown and mistyped ones."""
    fields: dict[str, Any] = {}
    for key in sorted(set(raw) - set(schema)):
        problems.append(f"{where}: unknown field {key!r} (allowed: {', '.join(schema)})")
    for key, (kind, required) in schema.items():
        if key not in raw:
            if required:
                problems.append(f"{where}: missing field {key!r}")
            continue
        value = raw[key]
        if kind is dict:  # an array of tables, checked by its own reader
            fields[key] = value
        elif problem := _type_problem(value, kind):
            problems.append(f"{where}: field {key!r} {problem}")
        else:
            fields[key] = value
    return fields


def _type_problem(value: Any, kind: type) -> str | None:
    if kind is bool:
        return None if isinstance(value, bool) else "must be true or false"
    if kind is str:
        if not isinstance(value, str) or not value.strip():
            return "must be non-empty text"
        if len(value) > MAX_TEXT:
            return f"is longer than {MAX_TEXT} characters"
        return None
    if kind is int:
        ok = isinstance(value, int) and not isinstance(value, bool) and value > 0
        return None if ok else "must be a positive whole number"
    ok = isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
    return None if ok else "must be a list of non-empty texts"


def _check_slug(slug: Any, where: Path | str, problems: list[str]) -> None:
    if isinstance(slug, str) and not _SLUG.match(slug):
        problems.append(f"{where}: slug {slug!r} must be lower-case words joined by '-'")


def _check_unique(values: list[Any], what: str, problems: list[str]) -> None:
    for value, count in Counter(values).items():
        if count > 1:
            problems.append(f"{what} {value!r} is used {count} times")
