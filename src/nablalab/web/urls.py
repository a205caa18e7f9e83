from django.contrib import admin
from django.urls import include, path

from nablalab.web.api.endpoints import api

handler500 = "nablalab.web.ops.errors.server_error"  # a database outage gets its own page

admin.site.site_header = "nablalab administration"
admin.site.site_title = "nablalab admin"

urlpatterns = [
    path("", include("nablalab.web.catalog.urls")),
    path("learn/", include("nablalab.web.learning.urls")),
    path("reviews/", include("nablalab.web.reviews.urls")),
    path("accounts/", include("nablalab.web.accounts.urls")),
    path("quizzes/", include("nablalab.web.quizzes.urls")),  # quizzes and certificates
    path("instructor/", include("nablalab.web.analytics.urls")),  # staff analytics
    path("mastery/", include("nablalab.web.mastery.urls")),  # practise now, class mastery
    path("explore/", include("nablalab.web.explore.urls")),  # interactive explorations
    path("sandpit/", include("nablalab.web.sandpit.urls")),  # Sandpit leaderboards
    path("assignments/", include("nablalab.web.submissions.urls")),  # programming assignments
    path("", include("nablalab.web.ops.urls")),  # /healthz, /readyz, /metrics
    path("admin/", admin.site.urls),
    path("api/", api.urls),
]
