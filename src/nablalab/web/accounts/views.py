from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from nablalab.web.accounts.forms import SignUpForm
from nablalab.web.redirects import safe_next


def sign_up(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("learning:dashboard")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Your account is ready. Enrol to track your progress.")
        return redirect(safe_next(request) or "catalog:course")
    return render(request, "registration/signup.html", {"form": form,
                                                         "next": request.GET.get("next", "")})
