"""The learner's own pages and actions; every query here is filtered by ``request.user``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from nablalab.web.catalog.lookup import site_course
from nablalab.web.catalog.models import Lesson
from nablalab.web.learning.models import Enrolment, LessonCompletion
from nablalab.web.learning.progress import course_progress, is_enrolled, module_progress
from nablalab.web.redirects import safe_next


@login_required
@require_POST
def enrol(request: HttpRequest) -> HttpResponse:
    course = site_course()
    _, created = Enrolment.objects.get_or_create(learner=request.user, course=course)
    if created:
        messages.success(request, f"Welcome to {course.title}! Start with the first lesson.")
    return redirect(safe_next(request) or "learning:dashboard")


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    course = site_course()
    return render(request, "learning/dashboard.html", {
        "course": course,
        "enrolled": is_enrolled(request.user, course),
        "progress": course_progress(request.user, course),
    })


@login_required
@require_POST
def set_lesson_completion(request: HttpRequest, lesson_id: int) -> HttpResponse:
    """Mark (done=1) or unmark (done=0) a lesson for the signed-in learner only."""
    course = site_course()
    lesson = get_object_or_404(Lesson.objects.select_related("module"), pk=lesson_id,
                               module__course=course)
    if not is_enrolled(request.user, course):
        raise PermissionDenied("Enrol in the course to keep track of the lessons you finish.")
    if request.POST.get("done") == "0":
        LessonCompletion.objects.filter(learner=request.user, lesson=lesson).delete()
    else:
        LessonCompletion.objects.get_or_create(learner=request.user, lesson=lesson)
    if request.headers.get("HX-Request") == "true":
        return render(request, "learning/_completion.html", {
            "lesson": lesson, "enrolled": True,
            "module_progress": module_progress(request.user, lesson.module),
            "completed": request.POST.get("done") != "0",
        })
    return redirect(lesson)
