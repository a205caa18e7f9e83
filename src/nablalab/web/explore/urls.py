from django.urls import path

from nablalab.web.explore import views

app_name = "explore"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:name>/", views.widget_page, name="widget"),
]
