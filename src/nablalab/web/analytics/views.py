"""Staff-only analytics pages and their CSV twins. Anonymous visitors are sent to log in;
signed-in learners who are not staff get 403."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from nablalab.web.analytics import export
from nablalab.web.analytics.learner_table import learner_table
from nablalab.web.analytics.question_stats import DEFAULT_SORT, SORTS, question_stats
from nablalab.web.catalog.lookup import site_course
from nablalab.web.quizzes.catalogue import PASS_MARK

View = Callable[..., HttpResponse]


def staff_only(view: View) -> View:
    @login_required
    @wraps(view)
    def guarded(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.is_staff:
            raise PermissionDenied("Course analytics are for instructors (staff accounts).")
        return view(request, *args, **kwargs)
    return guarded


def _sort(request: HttpRequest) -> str:
    sort = request.GET.get("sort", DEFAULT_SORT)
    return sort if sort in SORTS else DEFAULT_SORT


@staff_only
def questions(request: HttpRequest) -> HttpResponse:
    sort = _sort(request)
    return render(request, "analytics/questions.html", {
        "course": site_course(), "stats": question_stats(sort), "sort": sort})


@staff_only
def questions_csv(request: HttpRequest) -> HttpResponse:
    return export.questions_csv(question_stats(_sort(request)))


@staff_only
def learners(request: HttpRequest) -> HttpResponse:
    course = site_course()
    return render(request, "analytics/learners.html", {
        "course": course, "table": learner_table(course),
        "pass_percent": round(100 * PASS_MARK)})


@staff_only
def learners_csv(request: HttpRequest) -> HttpResponse:
    return export.learners_csv(learner_table(site_course()))
