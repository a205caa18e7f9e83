from django.urls import path

from nablalab.web.analytics import views

app_name = "analytics"
urlpatterns = [
    path("questions/", views.questions, name="questions"),
    path("questions.csv", views.questions_csv, name="questions-csv"),
    path("learners/", views.learners, name="learners"),
    path("learners.csv", views.learners_csv, name="learners-csv"),
]
