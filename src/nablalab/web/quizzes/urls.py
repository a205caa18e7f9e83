from django.urls import path

from nablalab.web.quizzes import views

app_name = "quizzes"
urlpatterns = [
    path("modules/<slug:module_slug>/<slug:item_slug>/", views.quiz_page, name="quiz"),
    path("modules/<slug:module_slug>/<slug:item_slug>/start/", views.start, name="start"),
    path("attempts/<uuid:public_id>/", views.attempt_page, name="attempt"),
    path("attempts/<uuid:public_id>/save/", views.save_drafts, name="save"),
    path("attempts/<uuid:public_id>/submit/", views.submit, name="submit"),
    path("completion/", views.completion, name="completion"),
    path("completion/certificate/", views.issue_certificate, name="issue_certificate"),
    path("certificates/<str:code>/", views.certificate_page, name="certificate"),
]
