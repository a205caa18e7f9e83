from django.urls import path

from nablalab.web.mastery import views

app_name = "mastery"
urlpatterns = [
    path("practise/", views.practise_page, name="practise"),
    path("practise/answer/", views.answer, name="answer"),
    path("practise/next/", views.next_question, name="next"),
    path("practise/save/", views.save_drafts, name="save"),
    path("class/", views.class_page, name="class"),
]
