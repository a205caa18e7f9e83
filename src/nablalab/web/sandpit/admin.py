from django.contrib import admin

from nablalab.web.sandpit.models import BestScore


@admin.register(BestScore)
class BestScoreAdmin(admin.ModelAdmin):
    list_display = ("learner", "variant", "digs", "seed", "achieved")
    list_filter = ("variant",)
