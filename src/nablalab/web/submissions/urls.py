from django.urls import path

from nablalab.web.submissions import views

app_name = "submissions"
urlpatterns = [
    path("", views.index, name="index"),
    path("tokens/", views.token_page, name="tokens"),
    path("tokens/<int:token_id>/revoke/", views.revoke_token, name="revoke_token"),
    path("<slug:name>/", views.assignment_page, name="assignment"),
    path("<slug:name>/submissions/", views.submission_list, name="list"),
    path("<slug:name>/files/<str:filename>", views.download, name="download"),
]
