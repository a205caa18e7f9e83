"""Progress as the dashboard and pages show it, always computed for one given learner."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from nablalab.web.catalog.models import Course, Lesson, Module
from nablalab.web.learning.models import Enrolment, LessonCompletion

User = AbstractBaseUser | AnonymousUser


@dataclass(frozen=True)
class ModuleProgress:
    module: Module
    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def finished(self) -> bool:
        return self.done == self.total


@dataclass(frozen=True)
class CourseProgress:
    modules: tuple[ModuleProgress, ...]
    next_lesson: Lesson | None

    @property
    def done(self) -> int:
        return sum(m.done for m in self.modules)

    @property
    def total(self) -> int:
        return sum(m.total for m in self.modules)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def is_enrolled(user: User, course: Course) -> bool:
    return user.is_authenticated and Enrolment.objects.filter(learner=user, course=course).exists()


def completed_lesson_ids(user: User, course: Course) -> set[int]:
    """Ids of this learner's finished lessons in the course (empty for visitors)."""
    if not user.is_authenticated:
        return set()
    return set(LessonCompletion.objects.filter(learner=user, lesson__module__course=course)
               .values_list("lesson_id", flat=True))


def module_progress(user: User, module: Module) -> ModuleProgress:
    lessons = list(module.lessons.values_list("id", flat=True))
    done = completed_lesson_ids(user, module.course) & set(lessons)
    return ModuleProgress(module, len(done), len(lessons))


def course_progress(user: User, course: Course) -> CourseProgress:
    done = completed_lesson_ids(user, course)
    lessons = list(Lesson.objects.filter(module__course=course).select_related("module"))
    modules = []
    for module in course.modules.all():
        own = [lesson for lesson in lessons if lesson.module_id == module.id]
        modules.append(ModuleProgress(module, sum(lesson.id in done for lesson in own), len(own)))
    next_lesson = next((lesson for lesson in lessons if lesson.id not in done), None)
    return CourseProgress(tuple(modules), next_lesson)
