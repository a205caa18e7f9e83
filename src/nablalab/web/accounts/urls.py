from django.contrib.auth.views import LoginView
from django.urls import include, path

from nablalab.web.accounts import views
from nablalab.web.accounts.sign_in import LimitedAuthenticationForm

urlpatterns = [
    path("login/", LoginView.as_view(authentication_form=LimitedAuthenticationForm),
         name="login"),
    path("signup/", views.sign_up, name="signup"),
    path("my-data/", views.my_data, name="my_data"),
    path("my-data/export.json", views.export_my_data, name="export_my_data"),
    path("", include("django.contrib.auth.urls")),
]
