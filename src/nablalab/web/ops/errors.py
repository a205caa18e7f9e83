"""The site's handler for uncaught errors. When the error is the database being out of
reach (restarting, its network cut), the learner is told exactly that, with a 503 and when to
try again, rather than "something went wrong"; load balancers and scripts see Retry-After.
Both pages are rendered without the database (no user, no session)."""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.views import defaults

DATABASE_RETRY_SECONDS = 5
UNREACHABLE = (OperationalError, InterfaceError)  # not IntegrityError and the like: bugs


def server_error(request: HttpRequest) -> HttpResponse:
    """Called by Django while the error is being handled, so sys.exc_info() holds it."""
    if not isinstance(sys.exc_info()[1], UNREACHABLE):
        return defaults.server_error(request)
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(DATABASE_RETRY_SECONDS)
    return response
