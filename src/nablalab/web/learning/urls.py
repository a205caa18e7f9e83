from django.urls import path

from nablalab.web.learning import views

app_name = "learning"
urlpatterns = [
    path("enrol/", views.enrol, name="enrol"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("lessons/<int:lesson_id>/completion/", views.set_lesson_completion, name="completion"),
]
