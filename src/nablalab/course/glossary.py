"""The course glossary: ``content/glossary.toml``, one ``[[terms]]`` table per term.

    [[terms]]
    term = "gradient"
    definition = "The vector of partial derivatives $\\nabla f$ ..."   # Markdown with maths
    lesson = "the-jacobian"                                            # the defining lesson
    aliases = ["gradient vector"]                                      # optional

Lessons link the first use of each term to its entry; the glossary page links each entry to
the lesson that defines it. Reading checks the shape only: ``nablalab content check``
verifies that each lesson exists and uses the term.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from nablalab.course.errors import ContentError

GLOSSARY_FILE = "glossary.toml"
_FIELDS = {"term", "definition", "lesson", "aliases"}


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
    lesson: str
    aliases: tuple[str, ...] = ()

    @property
    def anchor(self) -> str:
        """The id of the term's entry on the glossary page (and its ``glossary:`` link name)."""
        return anchor_for(self.term)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.term, *self.aliases)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The term or an alias as whole words, any case, with an optional plural ending."""
        names = sorted(self.names, key=len, reverse=True)
        spelled = "|".join(r"\s+".join(map(re.escape, name.split())) for name in names)
        return re.compile(rf"(?<![\w-])(?:{spelled})(?:s|es)?(?![\w-])", re.IGNORECASE)


def anchor_for(term: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


def load_glossary(root: Path) -> tuple[Term, ...]:
    """The glossary of the content folder ``root`` (none if it has no glossary file), sorted
    alphabetically; ``ContentError`` lists every malformed entry."""
    path = root / GLOSSARY_FILE
    if not path.is_file():
        return ()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ContentError([f"{path}: not valid TOML ({error})"]) from None
    problems: list[str] = []
    unknown = sorted(set(raw) - {"terms"})
    if unknown:
        problems.append(f"{path}: unknown table(s) {', '.join(unknown)}; write [[terms]]")
    entries = raw.get("terms", [])
    terms = [term for index, entry in enumerate(entries, start=1)
             if (term := _read_term(entry, f"{path}: term {index}", problems)) is not None]
    seen: dict[str, str] = {}
    for term in terms:
        for name in term.names:
            key = anchor_for(name)
            if seen.get(key, term.term) != term.term:
                problems.append(f"{path}: {name!r} is listed twice (also under {seen[key]!r})")
            seen[key] = term.term
    if problems:
        raise ContentError(problems)
    return tuple(sorted(terms, key=lambda term: term.term.lower()))


def _read_term(entry: object, label: str, problems: list[str]) -> Term | None:
    if not isinstance(entry, dict):
        problems.append(f"{label}: must be a [[terms]] table")
        return None
    before = len(problems)
    unknown = sorted(set(entry) - _FIELDS)
    if unknown:
        problems.append(f"{label}: unknown field(s) {', '.join(unknown)} "
                        f"(allowed: {', '.join(sorted(_FIELDS))})")
    for name in ("term", "definition", "lesson"):
        value = entry.get(name)
        if not (isinstance(value, str) and value.strip()):
            problems.append(f"{label}: {name} must be non-empty text")
    aliases = entry.get("aliases", [])
    if not (isinstance(aliases, list) and all(isinstance(a, str) and a.strip() for a in aliases)):
        problems.append(f"{label}: aliases must be a list of texts")
    if len(problems) > before:
        return None
    return Term(term=entry["term"].strip(), definition=entry["definition"].strip(),
                lesson=entry["lesson"].strip(), aliases=tuple(a.strip() for a in aliases))
