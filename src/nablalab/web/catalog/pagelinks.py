"""The URLs that lesson links resolve to when the content is synced (``lesson:``,
``glossary:``, ``figures/``): the course layer writes the links, the web layer knows where
they go (see ``nablalab.course.links``)."""

from __future__ import annotations

from django.urls import reverse

from nablalab import course as content
from nablalab.course.links import LinkTargets


class PageLinks:
    """Link targets for every page of one course, built once per sync."""

    def __init__(self, source: content.Course) -> None:
        self.terms = source.glossary
        self.glossary_url = reverse("catalog:glossary")
        self.lessons = {lesson.slug: reverse("catalog:lesson", args=[module.slug, lesson.slug])
                        for module in source.modules for lesson in module.lessons}

    def for_page(self, module: content.Module | None = None, lesson: str = "") -> LinkTargets:
        """Targets for a lesson (glossary terms linked on first use) or, without ``lesson``,
        for a module introduction or the course description (links only)."""
        figures = (reverse("catalog:figure", args=[module.slug, "name.svg"])
                   .removesuffix("name.svg") if module is not None else "")
        return LinkTargets(lessons=self.lessons, glossary_url=self.glossary_url,
                           figures_url=figures, terms=self.terms if lesson else (),
                           lesson=lesson)
