"""The API's operations. Signed-in requests carry a session cookie, so they must also carry
the CSRF token (header ``X-CSRFToken``); anonymous requests hold no ambient authority, and
are limited by address instead."""

from __future__ import annotations

import atexit
import hashlib
import logging

from django.core.cache import caches
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import HttpError, Throttled, ValidationError

from nablalab.assess import check_answer, shutdown
from nablalab.mathinput import MathInputError, parse
from nablalab.web.api.csrf import require_csrf_for_sessions
from nablalab.web.api.questions import find_try_it
from nablalab.web.api.schemas import CheckIn, CheckOut, ErrorOut, ValidateIn, ValidateOut
from nablalab.web.api.throttles import LearnerRateThrottle
from nablalab.web.explore import api as explore_api
from nablalab.web.mastery.hooks import record_try_it
from nablalab.web.ops.errors import DATABASE_RETRY_SECONDS, DATABASE_UNAVAILABLE
from nablalab.web.ops.metrics import CHECK_SECONDS
from nablalab.web.submissions import api as submissions_api

api = NinjaAPI(title="nablalab API", version="1", urls_namespace="api", docs_url=None,
               openapi_url="/openapi.json",
               description='Live preview of maths answers and checking of lesson "try it" '
                           "questions.")

api.add_router("/widgets", explore_api.router)
api.add_router("/", submissions_api.router)  # assignment submissions (CLI, token auth)

# Stop the checker's worker processes as soon as a server worker exits.
atexit.register(shutdown)

log = logging.getLogger(__name__)
ERRORS = {403: ErrorOut, 404: ErrorOut, 413: ErrorOut, 422: ErrorOut, 429: ErrorOut}


@api.post("/validate", response={200: ValidateOut, **ERRORS}, url_name="validate",
          throttle=[LearnerRateThrottle("preview")])
def validate(request: HttpRequest, body: ValidateIn) -> ValidateOut:
    """Read an answer without grading it: what it was understood as, or why it cannot be."""
    require_csrf_for_sessions(request)
    variables = [] if body.kind == "number" else body.variables
    try:
        parsed = parse(body.answer, variables)
    except MathInputError as error:
        message = error.message[:1].upper() + error.message[1:]
        return ValidateOut(valid=False, interpreted="", latex="", message=message,
                           position=error.position, hint=error.hint)
    return ValidateOut(valid=True, interpreted=parsed.text, latex=parsed.latex, message="",
                       position=None, hint=None)


@api.post("/check", response={200: CheckOut, **ERRORS}, url_name="check",
          throttle=[LearnerRateThrottle("check")])
def check(request: HttpRequest, body: CheckIn) -> CheckOut:
    """Check an answer to a lesson "try it" question; the expected answer stays here."""
    require_csrf_for_sessions(request)
    question = find_try_it(body.question)
    if question is None:
        raise HttpError(404, f"There is no try-it question {body.question!r}.")
    # The verdict depends only on the question and the text (spacing aside), so a repeated
    # answer is answered from the cache; the question's expected answer never leaves here.
    key = "check:" + hashlib.sha256(
        f"{question.id}\0{' '.join(body.answer.split())}".encode()).hexdigest()
    verdict = caches["checks"].get(key)
    if verdict is None:
        with CHECK_SECONDS.time():
            result = check_answer(question.answer, body.answer, question.kind,
                                  list(question.variables) or None, **question.options)
        verdict = {name: value for name, value in result.to_dict().items()
                   if name in CheckOut.model_fields}
        caches["checks"].set(key, verdict)
    record_try_it(request.user, question.id, verdict)
    return CheckOut(question=question.id, **verdict)



@api.exception_handler(Throttled)
def too_many(request: HttpRequest, error: Throttled) -> HttpResponse:
    seconds = max(1, round(error.wait or 1))
    response = api.create_response(request, {
        "detail": f"Too many requests: please wait {seconds} s before trying again."},
        status=429)
    response["Retry-After"] = str(seconds)
    return response


@api.exception_handler(DatabaseError)
def database_unavailable(request: HttpRequest, error: DatabaseError) -> HttpResponse:
    """The database is restarting or unreachable: say so in JSON, and when to try again."""
    log.error("API request failed on the database: %s", error)
    response = api.create_response(request, {"detail": DATABASE_UNAVAILABLE}, status=503)
    response["Retry-After"] = str(DATABASE_RETRY_SECONDS)
    return response


@api.exception_handler(ValidationError)
def invalid_request(request: HttpRequest, error: ValidationError) -> HttpResponse:
    problems = "; ".join(_describe(problem) for problem in error.errors)
    return api.create_response(request, {"detail": f"Invalid request: {problems}."}, status=422)


def _describe(problem: dict) -> str:
    where = ".".join(str(part) for part in problem.get("loc", ()) if part not in ("body",))
    if problem.get("type") == "extra_forbidden":
        return f"{where} is not accepted here"
    return f"{where}: {problem.get('msg', 'invalid')}"
