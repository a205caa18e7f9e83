from django.urls import path

from nablalab.web.sandpit import views

app_name = "sandpit"
urlpatterns = [path("leaderboards/", views.leaderboards, name="leaderboards")]
