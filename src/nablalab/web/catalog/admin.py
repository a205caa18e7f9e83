"""Admin for the synced content: read mostly, since ``content/`` is the source of truth."""

from django.contrib import admin

from nablalab.web.catalog.models import Course, Lesson, Module, ModuleItem


class LessonInline(admin.TabularInline):
    model = Lesson
    fields = ("position", "title", "slug", "minutes")
    extra = 0
    show_change_link = True


class ModuleItemInline(admin.TabularInline):
    model = ModuleItem
    fields = ("position", "kind", "title", "slug", "graded")
    extra = 0


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ("title", "provider", "level")


@admin.register(Module)
class ModuleAdmin(admin.ModelAdmin):
    list_display = ("number", "title", "course")
    inlines = (LessonInline, ModuleItemInline)


@admin.register(Lesson)
class LessonAdmin(admin.ModelAdmin):
    list_display = ("title", "module", "position", "minutes")
    list_filter = ("module",)
    search_fields = ("title", "body_html")


@admin.register(ModuleItem)
class ModuleItemAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "module", "position", "graded")
    list_filter = ("kind", "module")
