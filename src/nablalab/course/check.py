"""``nablalab content check``: everything that must hold before the course is published.

The loader already refuses content it cannot read; this goes further, file by file, so that
an author gets every problem at once with its line and a hint: blocks that do not read,
"try it" answers the checker would refuse, worked examples the engines do not confirm,
activities that point nowhere, LaTeX that KaTeX cannot typeset, links and pictures that lead
nowhere, missing alt text, headings out of order, placeholder text, and a glossary that
names lessons which do not use its terms.

What the activities may point at (quizzes in the question bank, programming assignments)
lives in higher layers, so the caller passes it in as ``References``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable, Collection, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from markdown_it.token import Token

from nablalab.assess import QuestionError, check_answer
from nablalab.course import examples, widgets
from nablalab.course.errors import ContentError
from nablalab.course.frontmatter import FENCE, FrontMatterError, split_front_matter
from nablalab.course.glossary import GLOSSARY_FILE, Term, load_glossary
from nablalab.course.links import FIGURE_NAME, LinkKind, classify
from nablalab.course.loader import COURSE_FILE, MODULE_FILE, load_course
from nablalab.course.markdown import parse_tokens
from nablalab.course.tryit import FENCE_INFO as TRYIT_INFO
from nablalab.course.tryit import TryIt, TryItError, read_try_it

PLACEHOLDER = re.compile(r"\b(?:todo|tbd|fixme|lorem|coming\s+soon)\b", re.IGNORECASE)
_NUMBERED = re.compile(r"^\d{2}-[a-z0-9-]+$")
_TRYIT_TIME_LIMIT = 5.0
_REPOSITORY = Path(__file__).resolve().parents[3]
KATEX_SCRIPT = Path(__file__).with_name("katex_check.js")
KATEX_MODULES = (_REPOSITORY / "node_modules" / "katex",
                 Path(__file__).resolve().parents[1] / "web" / "static" / "vendor" / "katex"
                 / "katex.min.js")


@dataclass(frozen=True)
class Problem:
    """One thing to fix: where (file and line, when known), what, and how."""

    kind: str
    path: Path
    line: int | None
    message: str
    hint: str = ""

    def location(self, base: Path | None = None) -> str:
        path = self.path
        if base is not None and path.is_relative_to(base):
            path = path.relative_to(base)
        return f"{path}:{self.line}" if self.line else str(path)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "path": str(self.path)}


@dataclass(frozen=True)
class References:
    """What module.md items may name: quiz item slugs with questions in the bank, and the
    titles of the programming assignments (matched by title, as the web app does)."""

    quizzes: Collection[str] = ()
    assignments: Collection[str] = ()


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class Formula:
    """A piece of LaTeX to typeset, and where it came from."""

    latex: str
    display: bool
    path: Path
    line: int | None


@dataclass
class _Scan:
    """What the file-by-file pass collects for the course-wide checks at the end."""

    root: Path
    references: References
    problems: list[Problem] = field(default_factory=list)
    formulas: list[Formula] = field(default_factory=list)
    lessons: dict[str, tuple[Path, str]] = field(default_factory=dict)  # slug -> (file, body)
    links: list[tuple[Path, int | None, str]] = field(default_factory=list)
    try_its: list[tuple[Path, int, TryIt]] = field(default_factory=list)
    worked: list[tuple[Path, int, examples.Example]] = field(default_factory=list)

    def add(self, kind: str, path: Path, line: int | None, message: str, hint: str = "") -> None:
        self.problems.append(Problem(kind, path, line, message, hint))


def check_content(root: Path, references: References, *, verify: bool = True) -> Report:
    """Check the content folder ``root``; ``verify=False`` skips the slow part (running the
    answer checker and the engines), for a quick look while writing."""
    scan = _Scan(root=root, references=references)
    load_problems = _load_problems(root)
    glossary = _read_glossary(scan)
    _scan_course_file(scan)
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and _NUMBERED.match(p.name)):
        _scan_module(scan, folder)
    for term in glossary:
        _scan_markdown(scan, root / GLOSSARY_FILE, _line_of(root / GLOSSARY_FILE, f'"{term.term}"'),
                       term.definition, headings=False)
    _check_unique_try_its(scan)
    _check_links(scan, glossary)
    _check_glossary(scan, glossary)
    _check_placeholders(scan)
    if verify:
        _verify_try_its(scan)
        _verify_examples(scan)
    _check_latex(scan)
    reported = {f"{p.path}: {p.message}" for p in scan.problems}
    problems = [p for p in load_problems if f"{p.path}: {p.message}" not in reported]
    counts = {"lessons": len(scan.lessons), "tryits": len(scan.try_its),
              "examples": len(scan.worked), "formulas": len(scan.formulas),
              "glossary terms": len(glossary)}
    return Report(problems=problems + scan.problems, counts=counts)


# --- the course as the loader sees it ------------------------------------------------------

def _load_problems(root: Path) -> list[Problem]:
    try:
        load_course(root)
    except ContentError as error:
        return [_from_loader(text, root) for text in error.problems]
    return []


def _from_loader(text: str, root: Path) -> Problem:
    where, _, message = text.partition(": ")
    path = Path(where.split(": ")[0])
    return Problem("load", path if path.exists() else root, None, message or text,
                   "the course does not load until this is fixed")


def _read_glossary(scan: _Scan) -> tuple[Term, ...]:
    try:
        return load_glossary(scan.root)
    except ContentError as error:
        for text in error.problems:
            scan.add("glossary", scan.root / GLOSSARY_FILE, None, text.partition(": ")[2] or text,
                     "each [[terms]] table has term, definition, lesson and optional aliases")
        return ()


# --- file by file -------------------------------------------------------------------------

def _scan_course_file(scan: _Scan) -> None:
    path = scan.root / COURSE_FILE
    read = _read_front_matter(scan, path)
    if read is not None:
        fields, body, offset = read
        _plain_fields(scan, path, fields, ("title", "provider", "credit", "level"))
        _scan_markdown(scan, path, offset, body, headings=True)


def _scan_module(scan: _Scan, folder: Path) -> None:
    module_file = folder / MODULE_FILE
    if module_file.is_file():
        read = _read_front_matter(scan, module_file)
        if read is not None:
            fields, body, offset = read
            _plain_fields(scan, module_file, fields, ("title", "summary"))
            _scan_markdown(scan, module_file, offset, body, headings=True, folder=folder)
            _check_items(scan, module_file, fields.get("items", []))
    for path in sorted(folder.glob("*.md")):
        if path.name != MODULE_FILE and _NUMBERED.match(path.stem):
            _scan_lesson(scan, path, folder)


def _scan_lesson(scan: _Scan, path: Path, folder: Path) -> None:
    read = _read_front_matter(scan, path)
    if read is None:
        return
    fields, body, offset = read
    slug = path.stem[3:]
    if slug in scan.lessons:
        scan.add("link", path, None, f"the lesson slug {slug!r} is also used by "
                 f"{scan.lessons[slug][0]}", "rename one: lesson links name lessons by slug")
    scan.lessons[slug] = (path, body)
    _plain_fields(scan, path, fields, ("title", "objectives"))
    _scan_markdown(scan, path, offset, body, headings=True, folder=folder)


def _read_front_matter(scan: _Scan, path: Path) -> tuple[dict[str, Any], str, int] | None:
    """Fields, body, and the number of lines before the body (to turn body lines into file
    lines)."""
    try:
        text = path.read_text(encoding="utf-8")
        fields, body = split_front_matter(text)
    except (FrontMatterError, UnicodeDecodeError, OSError):
        return None  # the loader reports it
    lines = text.lstrip("\ufeff").splitlines()
    closing = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == FENCE)
    return fields, body, closing + 1


def _plain_fields(scan: _Scan, path: Path, fields: dict[str, Any], names: tuple[str, ...]
                  ) -> None:
    """Titles, summaries and objectives are shown as plain text: maths there stays raw."""
    for name in names:
        values = fields.get(name)
        for value in values if isinstance(values, list) else [values]:
            if isinstance(value, str) and "$" in value:
                scan.add("latex", path, _line_of(path, value), f"{name} {value!r} has maths, "
                         "which is not typeset there", "write it in words, or move the maths "
                         "into the text")


def _scan_markdown(scan: _Scan, path: Path, offset: int, body: str, *, headings: bool,
                   folder: Path | None = None) -> None:
    """Blocks, maths, links, images and headings of one Markdown text."""
    previous_level = 1  # the page's own title is the h1
    for token in parse_tokens(body):
        line = offset + token.map[0] + 1 if token.map else offset or None
        if token.type == "fence":
            _scan_block(scan, path, line, token)
        elif token.type == "math_block":
            scan.formulas.append(Formula(token.content, True, path, line))
        elif token.type == "heading_open" and headings:
            level = int(token.tag[1])
            if level == 1:
                scan.add("heading", path, line, "a level-1 heading (#) in the text",
                         "the page title is the only h1: start sections at ## ")
            elif level > previous_level + 1:
                scan.add("heading", path, line, f"heading level {level} follows level "
                         f"{previous_level}", f"use {'#' * (previous_level + 1)} here: "
                         "screen-reader users navigate by heading levels")
            previous_level = level
        elif token.type == "inline":
            _scan_inline(scan, path, line, token.children or [], folder)


def _scan_inline(scan: _Scan, path: Path, line: int | None, children: list[Token],
                 folder: Path | None) -> None:
    for child in children:
        if child.type == "math_inline":
            scan.formulas.append(Formula(child.content, False, path, line))
        elif child.type == "math_inline_double":
            scan.formulas.append(Formula(child.content, True, path, line))
        elif child.type == "link_open":
            scan.links.append((path, line, str(child.attrGet("href") or "")))
        elif child.type == "image":
            _check_image(scan, path, line, child, folder)


def _check_image(scan: _Scan, path: Path, line: int | None, token: Token,
                 folder: Path | None) -> None:
    src = str(token.attrGet("src") or "")
    alt = token.content.strip()
    if not alt or alt == Path(src).name:
        scan.add("image", path, line, f"the picture {src} has no alt text",
                 "describe what the picture shows: ![a parabola and its tangent at x = 1](...)")
    kind, name = classify(src)
    if kind is not LinkKind.FIGURE or not FIGURE_NAME.match(name):
        scan.add("image", path, line, f"the picture {src} is not in the module's figures/ folder",
                 "put it in figures/ next to the lesson and write ![alt](figures/name.svg)")
    elif folder is None or not (folder / "figures" / name).is_file():
        scan.add("image", path, line, f"the figure {src} does not exist",
                 f"add {name} to {folder / 'figures' if folder else 'a module figures/ folder'}")


def _scan_block(scan: _Scan, path: Path, line: int | None, token: Token) -> None:
    info = token.info.strip()
    line = line or 0
    if info == TRYIT_INFO:
        try:
            question = read_try_it(token.content)
        except TryItError as error:
            scan.add("block", path, line, str(error), "see the tryit format in "
                     "docs/content-format.md")
            return
        scan.try_its.append((path, line, question))
        _inline_maths(scan, path, line, question.prompt)
    elif info == widgets.FENCE_INFO:
        try:
            block = widgets.read_widget_block(token.content)
        except widgets.WidgetBlockError as error:
            scan.add("block", path, line, str(error), "see the widget format in "
                     "docs/content-format.md")
            return
        _inline_maths(scan, path, line, block.caption)
    elif info == examples.FENCE_INFO:
        try:
            example = examples.read_example(token.content)
        except examples.ExampleError as error:
            scan.add("block", path, line, str(error), "see the example format in "
                     "docs/content-format.md")
            return
        scan.worked.append((path, line, example))
        scan.formulas.append(Formula(examples.statement_latex(example), True, path, line))


def _inline_maths(scan: _Scan, path: Path, line: int, text: str) -> None:
    """Maths (and links) in a prompt or caption, rendered inline in the page."""
    for token in parse_tokens(text):
        if token.type == "inline":
            _scan_inline(scan, path, line, token.children or [], path.parent)


def _check_items(scan: _Scan, path: Path, items: Any) -> None:
    if not isinstance(items, list):
        return  # the loader reports it
    for item in items:
        if not isinstance(item, dict):
            continue
        slug, kind, title = item.get("slug"), item.get("kind"), item.get("title")
        line = _line_of(path, f'"{slug}"')
        if kind in ("practice-quiz", "graded-quiz") and slug not in scan.references.quizzes:
            scan.add("item", path, line, f"the quiz {slug!r} has no questions in the bank",
                     "map the slug to a quiz id in nablalab.web.quizzes.catalogue.ITEM_QUIZZES")
        elif kind == "assignment" and title not in scan.references.assignments:
            known = ", ".join(sorted(scan.references.assignments))
            scan.add("item", path, line, f"no programming assignment is titled {title!r}",
                     f"use the title of one of: {known}")


# --- course-wide checks --------------------------------------------------------------------

def _check_unique_try_its(scan: _Scan) -> None:
    first: dict[str, tuple[Path, int]] = {}
    for path, line, question in scan.try_its:
        if question.id in first:
            other, other_line = first[question.id]
            scan.add("tryit", path, line, f"tryit id {question.id!r} is also used at "
                     f"{other}:{other_line}", "ids are unique across the course: rename one")
        else:
            first[question.id] = (path, line)


def _check_links(scan: _Scan, glossary: tuple[Term, ...]) -> None:
    anchors = {term.anchor for term in glossary}
    for path, line, href in scan.links:
        kind, name = classify(href)
        if kind is LinkKind.LESSON and name not in scan.lessons:
            scan.add("link", path, line, f"the link {href} names no lesson",
                     "write lesson:SLUG with a lesson's file name without its number, "
                     "e.g. lesson:the-jacobian")
        elif kind is LinkKind.GLOSSARY and name not in anchors:
            scan.add("link", path, line, f"the link {href} names no glossary term",
                     "add the term to content/glossary.toml, or link an existing one")
        elif kind is LinkKind.FIGURE and not (path.parent / "figures" / name).is_file():
            scan.add("link", path, line, f"the link {href} names a figure that does not exist",
                     f"add {name} to {path.parent / 'figures'}")
        elif kind is LinkKind.UNKNOWN:
            scan.add("link", path, line, f"the link {href!r} leads nowhere the course knows",
                     "use lesson:SLUG, glossary:TERM, figures/NAME, #anchor or an https:// "
                     "address")


def _check_glossary(scan: _Scan, glossary: tuple[Term, ...]) -> None:
    path = scan.root / GLOSSARY_FILE
    for term in glossary:
        line = _line_of(path, f'"{term.term}"')
        if term.lesson not in scan.lessons:
            scan.add("glossary", path, line, f"{term.term!r} names the lesson {term.lesson!r}, "
                     "which does not exist", "use the slug of the lesson that defines it")
        elif not term.pattern.search(_prose(scan.lessons[term.lesson][1])):
            scan.add("glossary", path, line, f"{term.term!r} does not appear in the lesson "
                     f"{term.lesson!r}", "name the lesson that defines the term (in bold), "
                     "or add the spelling it uses as an alias")


def _prose(body: str) -> str:
    """A lesson's text without its maths, for finding words in it."""
    return re.sub(r"\$\$.*?\$\$|\$[^$\n]+\$", " ", body, flags=re.DOTALL)


def _check_placeholders(scan: _Scan) -> None:
    files = [scan.root / COURSE_FILE, scan.root / GLOSSARY_FILE,
             *sorted(scan.root.glob("[0-9][0-9]-*/*.md"))]
    for path in files:
        if not path.is_file():
            continue
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if match := PLACEHOLDER.search(text):
                scan.add("placeholder", path, number, f"placeholder text {match.group(0)!r}",
                         "write the real text (placeholders never ship)")


def _verify_try_its(scan: _Scan) -> None:
    """The expected answer must be accepted, and each foreseen mistake refused."""
    for path, line, question in scan.try_its:
        def check(answer: str, question: TryIt = question) -> Any:
            return check_answer(question.answer, answer, question.kind,
                                list(question.variables) or None,
                                time_limit=_TRYIT_TIME_LIMIT, **question.options)
        try:
            own = check(question.answer)
        except (QuestionError, ValueError, TypeError) as error:
            scan.add("tryit", path, line, f"tryit {question.id!r}: the checker cannot use it: "
                     f"{error}", "make the answer fit the kind (a number for kind = "
                     '"number", [a, b] for a vector, ...)')
            continue
        if not own.correct:
            scan.add("tryit", path, line, f"tryit {question.id!r}: the checker refuses its own "
                     f"answer {question.answer!r} ({_feedback(own)})",
                     "write the answer so that it parses with the declared variables and kind")
        for wrong, _feedback_text in question.mistakes:
            verdict = check(wrong)
            if verdict.correct:
                scan.add("tryit", path, line, f"tryit {question.id!r}: the mistake {wrong!r} is "
                         "accepted as right", "a declared mistake must differ from the answer")


def _feedback(result: Any) -> str:
    return str(getattr(result, "feedback", "") or "no feedback").strip()


def _verify_examples(scan: _Scan) -> None:
    verdicts = examples.verify_examples([example for _, _, example in scan.worked])
    for (path, line, example), verdict in zip(scan.worked, verdicts, strict=True):
        if not verdict.ok:
            scan.add("example", path, line, f"{example.label}: {verdict.message}",
                     "correct the result (or the expression) so the engines agree")


def _check_latex(scan: _Scan) -> None:
    failures = typeset_failures([(f.latex, f.display) for f in scan.formulas])
    if failures is None:
        scan.add("latex", scan.root, None, "the LaTeX was not checked: node or KaTeX is missing",
                 "install Node.js and run `npm install` (KaTeX) at the repository root")
        return
    for index, message in failures:
        formula = scan.formulas[index]
        scan.add("latex", formula.path, formula.line, f"KaTeX cannot typeset "
                 f"{_short(formula.latex)}: {message}", "fix the LaTeX (try it at katex.org)")


def typeset_failures(formulas: list[tuple[str, bool]],
                     run: Callable[..., subprocess.CompletedProcess] = subprocess.run
                     ) -> list[tuple[int, str]] | None:
    """(index, KaTeX's message) for every formula KaTeX refuses; None without node/KaTeX.
    One node process typesets the whole batch."""
    node = shutil.which("node")
    module = next((path for path in KATEX_MODULES if path.exists()), None)
    if node is None or module is None:
        return None
    if not formulas:
        return []
    payload = json.dumps([{"latex": latex, "display": display} for latex, display in formulas])
    done = run([node, str(KATEX_SCRIPT), str(module)], input=payload, capture_output=True,
               text=True, timeout=120, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the KaTeX check failed to run: {done.stderr.strip()[-500:]}")
    return [(item["index"], item["message"]) for item in json.loads(done.stdout)]


def _short(latex: str) -> str:
    return repr(latex if len(latex) <= 60 else latex[:57] + "...")


def _line_of(path: Path, text: str) -> int | None:
    """The first line of ``path`` that contains ``text`` (for problems found in parsed TOML)."""
    for number, line in _numbered_lines(path):
        if text in line:
            return number
    return None


def _numbered_lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        yield from enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
    except (OSError, UnicodeDecodeError):
        return
