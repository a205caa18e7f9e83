"""Who takes the course and which lessons they have finished: each row belongs to one learner."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from nablalab.web.catalog.models import Course, Lesson


class Enrolment(models.Model):
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="enrolments")
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="enrolments")
    enrolled_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["learner", "course"], name="enrol_once"),
        )

    def __str__(self) -> str:
        return f"{self.learner} in {self.course}"


class LessonCompletion(models.Model):
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="lesson_completions")
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="completions")
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["learner", "lesson"], name="complete_once"),
        )

    def __str__(self) -> str:
        return f"{self.learner} finished {self.lesson}"
