import json

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from nablalab.web.accounts import personal_data
from nablalab.web.accounts.forms import DeleteAccountForm, SignUpForm
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


@login_required
def my_data(request: HttpRequest) -> HttpResponse:
    """Download everything about me, or delete my account (password confirmed)."""
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        personal_data.delete(user)
        messages.success(request, "Your account and everything recorded about you have been "
                                  "deleted.")
        return redirect("catalog:course")
    return render(request, "registration/my_data.html", {"form": form})


@login_required
@require_GET
def export_my_data(request: HttpRequest) -> HttpResponse:
    body = json.dumps(personal_data.export(request.user), cls=DjangoJSONEncoder, indent=2)
    response = HttpResponse(body, content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="nablalab-my-data.json"'
    return response
