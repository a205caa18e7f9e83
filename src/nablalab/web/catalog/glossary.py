"""The glossary page: every term of ``content/glossary.toml`` alphabetically, its definition
(Markdown with maths) and a link to the lesson that defines it.

The glossary is read from the content folder and rendered once per version of the file and
of the catalog, so an edit shows up without a restart.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from nablalab.course import render_markdown
from nablalab.course.glossary import GLOSSARY_FILE, Term, anchor_for, load_glossary
from nablalab.course.links import LinkTargets
from nablalab.web.catalog.lookup import content_version, site_course
from nablalab.web.catalog.models import Lesson


@dataclass(frozen=True)
class Entry:
    term: Term
    definition_html: str
    lesson: Lesson | None

    @property
    def other_names(self) -> list[str]:
        """Aliases worth showing (not just the term spelt with a hyphen for a dash)."""
        return [a for a in self.term.aliases if anchor_for(a) != self.term.anchor]

    @property
    def letter(self) -> str:
        first = self.term.term[:1].upper()
        return first if first.isalpha() else "#"


def glossary_page(request: HttpRequest) -> HttpResponse:
    course = site_course()
    path = Path(settings.CONTENT_DIR) / GLOSSARY_FILE
    stamp = path.stat().st_mtime_ns if path.is_file() else 0
    entries = _entries(str(path.parent), stamp, content_version())
    return render(request, "catalog/glossary.html", {"course": course, "entries": entries})


@lru_cache(maxsize=4)
def _entries(content_dir: str, _stamp: int, _version: str) -> tuple[Entry, ...]:
    lessons = {lesson.slug: lesson for lesson in Lesson.objects.select_related("module")}
    targets = LinkTargets(lessons={slug: lesson.get_absolute_url()
                                   for slug, lesson in lessons.items()},
                          glossary_url=reverse("catalog:glossary"))
    return tuple(Entry(term, render_markdown(term.definition, targets), lessons.get(term.lesson))
                 for term in load_glossary(Path(content_dir)))
