"""The public pages: the course, a module, a lesson, an activity. Reading needs no account;
a signed-in learner also sees their own progress."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from nablalab.web.catalog.lookup import site_course
from nablalab.web.catalog.models import Course, Lesson, Module, ModuleItem
from nablalab.web.learning.progress import completed_lesson_ids, is_enrolled, module_progress
from nablalab.web.reviews.listing import review_listing
from nablalab.web.reviews.models import Review
from nablalab.web.reviews.summary import rating_summary

FEATURED_REVIEWS = 6


def course_page(request: HttpRequest) -> HttpResponse:
    course = site_course()
    modules = course.modules.prefetch_related("lessons", "items")
    reviews = Review.objects.filter(course=course).visible().select_related("author")
    return render(request, "catalog/course.html", {
        "course": course,
        "modules": modules,
        "minutes": sum(lesson.minutes for module in modules for lesson in module.lessons.all()),
        "summary": rating_summary(course),
        "featured": reviews.filter(is_featured=True)[:FEATURED_REVIEWS],
        "listing": review_listing(course, request.GET),
        "enrolled": is_enrolled(request.user, course),
        "own_review": _own_review(request, course),
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
    course = site_course()
    module = get_object_or_404(course.modules, slug=module_slug)
    lesson = get_object_or_404(module.lessons, slug=lesson_slug)
    steps = _steps(module)
    index = steps.index(lesson)
    return render(request, "catalog/lesson.html", {
        "course": course,
        "module": module,
        "lesson": lesson,
        "previous": steps[index - 1] if index > 0 else None,
        "next": steps[index + 1] if index + 1 < len(steps) else None,
        "completed": lesson.id in completed_lesson_ids(request.user, course),
        "module_progress": module_progress(request.user, module),
        "enrolled": is_enrolled(request.user, course),
    })


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
    })


def _steps(module: Module) -> list[Lesson | ModuleItem]:
    """The module's lessons and activities in the order a learner meets them."""
    return sorted([*module.lessons.all(), *module.items.all()], key=lambda step: step.position)


def _own_review(request: HttpRequest, course: Course) -> Review | None:
    if not request.user.is_authenticated:
        return None
    return Review.objects.filter(course=course, author=request.user).first()
