from django.contrib import admin

from nablalab.web.reviews.models import Review


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ("author", "stars", "created_at", "is_featured", "is_hidden")
    list_filter = ("stars", "is_featured", "is_hidden")
    list_editable = ("is_featured", "is_hidden")
    search_fields = ("text", "author__username")
