from django.contrib import admin

from nablalab.web.submissions.models import ApiToken, GradingEvent, Submission


class GradingEventInline(admin.TabularInline):
    model = GradingEvent
    extra = 0
    readonly_fields = ("kind", "attempt", "worker", "detail", "at")
    can_delete = False


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ("learner", "assignment", "status", "score", "grading_attempts",
                    "created_at")
    list_filter = ("assignment", "status")
    search_fields = ("learner__username",)
    readonly_fields = ("public_id", "claim_token", "lease_expires_at", "worker", "report")
    inlines = (GradingEventInline,)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("learner", "name", "prefix", "created_at", "last_used_at")
    search_fields = ("learner__username",)
    readonly_fields = ("digest",)
