from django.contrib import admin

from nablalab.web.learning.models import Enrolment, LessonCompletion


@admin.register(Enrolment)
class EnrolmentAdmin(admin.ModelAdmin):
    list_display = ("learner", "course", "enrolled_at")
    search_fields = ("learner__username", "learner__email")


@admin.register(LessonCompletion)
class LessonCompletionAdmin(admin.ModelAdmin):
    list_display = ("learner", "lesson", "completed_at")
    list_filter = ("lesson__module",)
    search_fields = ("learner__username",)
