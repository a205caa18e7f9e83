"""The public pages: the course, a module, a lesson, an activity. Reading needs no account;
a signed-in learner also sees their own progress.

A lesson looks the same to every visitor who is not signed in, apart from the CSRF token its
"try it" box carries, so that page is rendered once per content version and process with a
placeholder for the token, which each request fills with its own. Signed-in learners, and
visitors with a message waiting, always get a page rendered for them.
"""

from __future__ import annotations

import json

from django.contrib.messages import get_messages
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string

from nablalab.web.catalog.duration import course_duration
from nablalab.web.catalog.lookup import content_version, site_course
from nablalab.web.catalog.models import Course, Lesson, Module, ModuleItem
from nablalab.web.learning.progress import completed_lesson_ids, is_enrolled, module_progress
from nablalab.web.reviews.listing import review_listing
from nablalab.web.reviews.models import Review
from nablalab.web.reviews.summary import rating_summary

FEATURED_REVIEWS = 6
PAGE_CACHE = "pages"
CSRF_SLOT = "__nablalab-csrf-token__"


def course_page(request: HttpRequest) -> HttpResponse:
    course = site_course()
    modules = course.modules.prefetch_related("lessons", "items")
    reviews = Review.objects.filter(course=course).visible().select_related("author")
    return render(request, "catalog/course.html", {
        "course": course,
        "content_version": content_version(),
        "modules": modules,
        "summary": rating_summary(course),
        "featured": reviews.filter(is_featured=True)[:FEATURED_REVIEWS],
        "listing": review_listing(course, request.GET),
        "enrolled": is_enrolled(request.user, course),
        "own_review": _own_review(request, course),
        # Called by the template only when its cached fragment is rebuilt.
        "duration": lambda: course_duration(course),
        "extra_duration": lambda: course_duration(course, extra=True),
    })


def module_page(request: HttpRequest, module_slug: str) -> HttpResponse:
    course = site_course()
    module = get_object_or_404(course.modules, slug=module_slug)
    done = completed_lesson_ids(request.user, course)
    return render(request, "catalog/module.html", {
        "course": course,
        "module": module,
        "steps": _steps(module),
        "done": done,
        "enrolled": is_enrolled(request.user, course),
    })


def lesson_page(request: HttpRequest, module_slug: str, lesson_slug: str) -> HttpResponse:
    if not _same_for_everyone(request):
        return render(request, "catalog/lesson.html",
                      _lesson_context(request, module_slug, lesson_slug))
    key = f"lesson:{content_version()}:{request.path}"
    cache = caches[PAGE_CACHE]
    page = cache.get(key)
    if page is None:
        context = _lesson_context(request, module_slug, lesson_slug)
        page = render_to_string("catalog/lesson.html", {**context, "csrf_token": CSRF_SLOT},
                                request)
        cache.set(key, page)
    return HttpResponse(page.replace(CSRF_SLOT, get_token(request)))


def _lesson_context(request: HttpRequest, module_slug: str, lesson_slug: str) -> dict:
    course = site_course()
    module = get_object_or_404(course.modules, slug=module_slug)
    lesson = get_object_or_404(module.lessons, slug=lesson_slug)
    steps = _steps(module)
    index = steps.index(lesson)
    signed_in = request.user.is_authenticated
    return {
        "course": course,
        "module": module,
        "lesson": lesson,
        "previous": steps[index - 1] if index > 0 else None,
        "next": steps[index + 1] if index + 1 < len(steps) else None,
        "completed": lesson.id in completed_lesson_ids(request.user, course),
        "module_progress": module_progress(request.user, module) if signed_in else None,
        "enrolled": is_enrolled(request.user, course),
    }


def item_page(request: HttpRequest, module_slug: str, item_slug: str) -> HttpResponse:
    course = site_course()
    module = get_object_or_404(course.modules, slug=module_slug)
    item = get_object_or_404(module.items, slug=item_slug)
    steps = _steps(module)
    index = steps.index(item)
    return render(request, "catalog/item.html", {
        "course": course,
        "module": module,
        "item": item,
        "previous": steps[index - 1] if index > 0 else None,
        "next": steps[index + 1] if index + 1 < len(steps) else None,
        "lab_widgets": [item.widget] if item.widget else [],
        "widget_state_json": json.dumps(item.widget_state),
    })


def _steps(module: Module) -> list[Lesson | ModuleItem]:
    """The module's lessons and activities in the order a learner meets them."""
    return sorted([*module.lessons.all(), *module.items.all()], key=lambda step: step.position)


def _same_for_everyone(request: HttpRequest) -> bool:
    """A visitor's read of a page that shows nothing of their own: no account, no message."""
    return (request.method in ("GET", "HEAD") and not request.user.is_authenticated
            and not len(get_messages(request)))


def _own_review(request: HttpRequest, course: Course) -> Review | None:
    if not request.user.is_authenticated:
        return None
    return Review.objects.filter(course=course, author=request.user).first()
