"""The public pages: the course, a module, a lesson, an activity. Reading needs no account;
a signed-in learner also sees their own progress.

A lesson, and the course page with the first page of its reviews, look the same to every
visitor who is not signed in, apart from the CSRF token a form may carry, so those pages are
rendered once per process and version (of the content, and for the course page of the
reviews too) with a placeholder for the token, which each request fills with its own.
Signed-in learners, and visitors with a message waiting, always get a page rendered for
them; on the course page it is assembled around the same cached syllabus and reviews.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.messages import get_messages
from django.core.cache import caches
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject

from nablalab.web.catalog.duration import course_duration
from nablalab.web.catalog.lookup import content_version, site_course
from nablalab.web.catalog.models import Course, Lesson, Module, ModuleItem
from nablalab.web.learning.models import Enrolment
from nablalab.web.learning.progress import completed_lesson_ids, is_enrolled, module_progress
from nablalab.web.reviews.listing import is_first_page_of_all, review_listing, shown_reviews
from nablalab.web.reviews.models import Review
from nablalab.web.reviews.summary import rating_summary
from nablalab.web.reviews.version import reviews_version

FEATURED_REVIEWS = 6
PAGE_CACHE = "pages"
CSRF_SLOT = "__nablalab-csrf-token__"
# One row if the learner is enrolled, saying whether they have reviewed the course.
_STANDING = (f"SELECT EXISTS (SELECT 1 FROM {Review._meta.db_table} "
             "WHERE course_id = %(course)s AND author_id = %(learner)s) "
             f"FROM {Enrolment._meta.db_table} "
             "WHERE course_id = %(course)s AND learner_id = %(learner)s")


def course_page(request: HttpRequest) -> HttpResponse:
    shared_listing = is_first_page_of_all(request.GET)
    content, reviews = content_version(), reviews_version()
    if shared_listing and _same_for_everyone(request):
        return _shared_page(
            request, f"course:{content}:{reviews}", "catalog/course.html",
            lambda: _course_context(request, content, reviews, share_reviews=True))
    share_reviews = shared_listing and not request.user.is_staff
    return render(request, "catalog/course.html",
                  _course_context(request, content, reviews, share_reviews=share_reviews))


def _course_context(request: HttpRequest, content: str, reviews: str, *,
                    share_reviews: bool) -> dict:
    """Only the learner's own standing is queried on every request: the course comes from
    the cache, and the syllabus, rating and (when shared) reviews are queried only when their
    cached fragments are rebuilt, hence the lazy values."""
    # Keyed like the fragments that show it: a content change retires both at once.
    course = caches[PAGE_CACHE].get_or_set(f"site-course:{content}", site_course)
    enrolled, has_own_review = _standing(request.user, course)
    return {
        "course": course,
        "content_version": content,
        "reviews_version": reviews,
        "share_reviews": share_reviews,
        "modules": course.modules.prefetch_related("lessons", "items"),
        "summary": SimpleLazyObject(lambda: rating_summary(course)),
        "featured": SimpleLazyObject(lambda: list(
            shown_reviews(course).filter(is_featured=True)[:FEATURED_REVIEWS])),
        "listing": SimpleLazyObject(lambda: review_listing(course, request.GET)),
        "enrolled": enrolled,
        "has_own_review": has_own_review,
        "duration": lambda: course_duration(course),
        "extra_duration": lambda: course_duration(course, extra=True),
    }


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
    return _shared_page(request, f"lesson:{content_version()}:{request.path}",
                        "catalog/lesson.html",
                        lambda: _lesson_context(request, module_slug, lesson_slug))


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


def _shared_page(request: HttpRequest, key: str, template: str,
                 context: Callable[[], dict]) -> HttpResponse:
    """The page cached under ``key`` (built from ``context()`` on a miss), with this
    request's own CSRF token in place of the placeholder if the page has a form."""
    cache = caches[PAGE_CACHE]
    page = cache.get(key)
    if page is None:
        page = render_to_string(template, {**context(), "csrf_token": CSRF_SLOT}, request)
        cache.set(key, page)
    if CSRF_SLOT in page:
        page = page.replace(CSRF_SLOT, get_token(request))
    return HttpResponse(page)


def _standing(user: AbstractBaseUser | AnonymousUser, course: Course) -> tuple[bool, bool]:
    """Whether the learner is enrolled, and whether they have reviewed the course: the two
    things only they see on the course page, in one query (in plain SQL: on every learner's
    view of the page, building it with the ORM took longer than running it)."""
    if not user.is_authenticated:
        return False, False
    with connection.cursor() as cursor:
        cursor.execute(_STANDING, {"course": course.pk, "learner": user.pk})
        row = cursor.fetchone()
    return row is not None, bool(row and row[0])
