"""Copy the validated course content into the database, changing only what changed.

Running it again on the same content writes nothing, so ``nablalab serve`` can sync on every
start. Rows whose lesson, item or module left the content are deleted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import models, transaction

from nablalab import course as content
from nablalab.course import render_markdown
from nablalab.web.catalog.models import Course, Lesson, Module, ModuleItem
from nablalab.web.catalog.pagelinks import PageLinks

M = TypeVar("M", bound=models.Model)


@dataclass
class SyncReport:
    """How many rows were created, updated, left unchanged and deleted."""

    counts: Counter[str] = field(default_factory=Counter)

    @property
    def changed(self) -> bool:
        return any(self.counts[key] for key in ("created", "updated", "deleted"))

    def __str__(self) -> str:
        return ", ".join(f"{self.counts[key]} {key}"
                         for key in ("created", "updated", "unchanged", "deleted"))


@transaction.atomic
def sync_course(source: content.Course) -> tuple[Course, SyncReport]:
    report = SyncReport()
    links = PageLinks(source)
    course = _upsert(report, Course, {"slug": source.slug}, {
        "title": source.title, "provider": source.provider, "credit": source.credit,
        "level": source.level, "skills": list(source.skills),
        "description_html": render_markdown(source.description, links.for_page()),
    })
    for module_source in source.modules:
        module = _upsert(report, Module, {"course": course, "number": module_source.number}, {
            "slug": module_source.slug, "title": module_source.title,
            "summary": module_source.summary,
            "intro_html": render_markdown(module_source.intro, links.for_page(module_source)),
            "extra": module_source.extra,
        })
        _sync_steps(report, module, module_source, links)
    _delete(report, course.modules.exclude(number__in=[m.number for m in source.modules]))
    return course, report


def _sync_steps(report: SyncReport, module: Module, source: content.Module,
                links: PageLinks) -> None:
    lessons, items = [], []
    for position, step in enumerate(source.sequence(), start=1):
        if isinstance(step, content.Lesson):
            lessons.append(step.slug)
            _upsert(report, Lesson, {"module": module, "slug": step.slug}, {
                "position": position, "title": step.title, "minutes": step.minutes,
                "objectives": list(step.objectives), "widgets": list(step.widgets),
                "body_html": render_markdown(step.body, links.for_page(source, step.slug)),
            })
        else:
            items.append(step.slug)
            _upsert(report, ModuleItem, {"module": module, "slug": step.slug}, {
                "position": position, "kind": step.kind.value, "title": step.title,
                "summary": step.summary, "graded": step.kind.graded,
                "widget": step.widget, "widget_state": step.state,
            })
    _delete(report, module.lessons.exclude(slug__in=lessons))
    _delete(report, module.items.exclude(slug__in=items))


def _upsert(report: SyncReport, model: type[M], key: dict[str, Any],
            values: dict[str, Any]) -> M:
    row = model.objects.filter(**key).first()
    if row is None:
        report.counts["created"] += 1
        return model.objects.create(**key, **values)
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    for name in changed:
        setattr(row, name, values[name])
    if changed:
        row.save(update_fields=changed)
    report.counts["updated" if changed else "unchanged"] += 1
    return row


def _delete(report: SyncReport, rows: models.QuerySet) -> None:
    count = rows.count()
    if count:
        rows.delete()
        report.counts["deleted"] += count
