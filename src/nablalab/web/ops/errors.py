"""The site's handler for uncaught errors. When the error is the database being out of
reach (restarting, its network cut), the learner is told exactly that, with a 503 and when to
try again, rather than "something went wrong"; load balancers and scripts see Retry-After.
Both pages are rendered without the database (no user, no session). The API's own handler
catches what its views raise; this one also catches what fails around them (a session saved
after the view), which is why an API path gets JSON here too."""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.views import defaults

DATABASE_RETRY_SECONDS = 5
UNREACHABLE = (OperationalError, InterfaceError)  # not IntegrityError and the like: bugs
DATABASE_UNAVAILABLE = ("The course database is briefly unavailable, so your last action may "
                        "not have been saved. Please try again in a few seconds.")
SERVER_ERROR = "Something went wrong on our side; it has been logged. Please try again."


def server_error(request: HttpRequest) -> HttpResponse:
    """Called by Django while the error is being handled, so sys.exc_info() holds it. The
    API's clients get JSON, like every other answer the API gives."""
    unreachable = isinstance(sys.exc_info()[1], UNREACHABLE)
    if request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse(
            {"detail": DATABASE_UNAVAILABLE if unreachable else SERVER_ERROR},
            status=503 if unreachable else 500)
    elif unreachable:
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
    else:
        return defaults.server_error(request)
    if unreachable:
        response["Retry-After"] = str(DATABASE_RETRY_SECONDS)
    return response
