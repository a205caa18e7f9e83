"""The explorations' own pages. A page's query string is the widget's state, so a learner
shares what they see by sharing the address."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from nablalab.course.widgets import WIDGETS
from nablalab.web.catalog.lookup import site_course
from nablalab.web.catalog.models import Lesson, ModuleItem


def index(request: HttpRequest) -> HttpResponse:
    return render(request, "explore/index.html", {
        "course": site_course(), "explorations": WIDGETS.values()})


def widget_page(request: HttpRequest, name: str) -> HttpResponse:
    widget = WIDGETS.get(name)
    if widget is None:
        raise Http404(f"There is no exploration called {name!r}.")
    course = site_course()
    # JSON "contains" lookups are not portable to SQLite; a course has a few dozen lessons.
    lessons = [lesson for lesson in Lesson.objects.filter(module__course=course)
               .select_related("module") if name in lesson.widgets]
    return render(request, "explore/widget.html", {
        "course": course, "widget": widget, "widgets": [widget.name], "lessons": lessons,
        "labs": ModuleItem.objects.filter(module__course=course, widget=name)
        .select_related("module"),
    })
