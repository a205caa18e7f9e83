from django.urls import path

from nablalab.web.reviews import views

app_name = "reviews"
urlpatterns = [
    path("", views.review_list, name="list"),
    path("mine/", views.write_review, name="write"),
    path("<int:review_id>/moderate/", views.moderate_review, name="moderate"),
]
