"""The course as stored: written only by ``sync``, from the Markdown in ``content/``.

Lessons and items of a module share one ``position`` sequence, the order a learner meets them.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from nablalab.course import ItemKind

TEXT = 600


class Course(models.Model):
    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=TEXT)
    provider = models.CharField(max_length=TEXT)
    credit = models.CharField(max_length=TEXT)
    level = models.CharField(max_length=20)
    skills = models.JSONField(default=list)
    description_html = models.TextField()

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("catalog:course")


class Module(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="modules")
    number = models.PositiveIntegerField()
    slug = models.SlugField()
    title = models.CharField(max_length=TEXT)
    summary = models.TextField()
    intro_html = models.TextField(blank=True)
    extra = models.BooleanField(default=False)  # beyond the course: practice only

    class Meta:
        ordering = ("number",)
        constraints = (
            models.UniqueConstraint(fields=["course", "number"], name="module_number_once"),
            models.UniqueConstraint(fields=["course", "slug"], name="module_slug_once"),
        )

    def __str__(self) -> str:
        return f"Module {self.number}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("catalog:module", args=[self.slug])


class Lesson(models.Model):
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="lessons")
    slug = models.SlugField()
    position = models.PositiveIntegerField()
    title = models.CharField(max_length=TEXT)
    minutes = models.PositiveIntegerField()
    objectives = models.JSONField(default=list)
    widgets = models.JSONField(default=list, blank=True)
    body_html = models.TextField()

    class Meta:
        ordering = ("module__number", "position")
        constraints = (
            models.UniqueConstraint(fields=["module", "slug"], name="lesson_slug_once"),
        )

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("catalog:lesson", args=[self.module.slug, self.slug])


class ModuleItem(models.Model):
    """A quiz, lab or assignment's place in its module; the assess layer supplies its body."""

    KIND_CHOICES = tuple((kind.value, kind.label) for kind in ItemKind)

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="items")
    slug = models.SlugField()
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    title = models.CharField(max_length=TEXT)
    summary = models.TextField()
    graded = models.BooleanField(default=False)
    widget = models.CharField(max_length=40, blank=True)  # labs: the exploration they use
    widget_state = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ("module__number", "position")
        constraints = (
            models.UniqueConstraint(fields=["module", "slug"], name="item_slug_once"),
        )

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("catalog:item", args=[self.module.slug, self.slug])
