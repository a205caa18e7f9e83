"""The JSON API the command line uses (``nablalab assignment submit``): send code, then poll
the submission until it is graded. Authenticated by a learner's API token (Bearer), never by
session cookie, so no CSRF token is involved; each learner sees only their own submissions.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status
from ninja.security import HttpBearer

from nablalab.assignments import NAMES
from nablalab.web.api.schemas import ErrorOut, Strict
from nablalab.web.api.throttles import LearnerRateThrottle
from nablalab.web.submissions import intake, tokens
from nablalab.web.submissions.models import Submission


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        learner = tokens.learner_for(token)
        if learner is not None:
            request.user = learner  # so rate limits count per learner
        return learner


router = Router(auth=TokenAuth(), tags=["assignments"])
ERRORS = {401: ErrorOut, 404: ErrorOut, 413: ErrorOut, 422: ErrorOut, 429: ErrorOut}


class SubmitIn(Strict):
    filename: str = Field(default="submission.py", max_length=200,
                          description="The file's name, as shown in the list of submissions.")
    source: str = Field(max_length=intake.MAX_SOURCE_BYTES,
                        description="Python source (a notebook's code cells, joined).")


class Counts(Schema):
    passed: int
    total: int


class TestOut(Schema):
    name: str
    public: bool
    passed: bool
    points: int
    max_points: int
    message: str


class SubmissionOut(Schema):
    id: uuid.UUID
    assignment: str
    filename: str
    status: str
    status_text: str
    created_at: str
    points: int | None
    max_points: int | None
    score: float | None
    public: Counts | None
    hidden: Counts | None
    summary: str
    problem: str
    tests: list[TestOut]


def describe(submission: Submission) -> dict[str, Any]:
    """A submission as the API shows it: hidden tests by name, points and feedback only."""
    report = submission.report or {}
    return {
        "id": submission.public_id, "assignment": submission.assignment,
        "filename": submission.filename, "status": submission.status,
        "status_text": submission.get_status_display(),
        "created_at": submission.created_at.isoformat(), "points": submission.points,
        "max_points": submission.max_points, "score": submission.score,
        "public": report.get("public"), "hidden": report.get("hidden"),
        "summary": report.get("summary", ""), "problem": report.get("problem", ""),
        "tests": report.get("tests", []),
    }


@router.post("/assignments/{name}/submissions", response={201: SubmissionOut, **ERRORS},
             url_name="submit_assignment", throttle=[LearnerRateThrottle("assignment")])
def submit(request: HttpRequest, name: str, body: SubmitIn) -> Status:
    """Queue code for grading; poll ``/submissions/{id}`` until its status is graded or
    failed (failed is never the learner's fault and uses no attempt)."""
    if name not in NAMES:
        raise HttpError(404, f"There is no assignment {name!r}; choose one of: "
                             f"{', '.join(NAMES)}.")
    try:
        source = intake.from_editor(body.source)
        filename = body.filename.replace("\\", "/").rsplit("/", 1)[-1] or source.filename
        submission = intake.accept(request.auth, name, intake.Source(filename, source.text),
                                   via="cli")
    except intake.Refused as refusal:
        raise HttpError(refusal.status if refusal.status in ERRORS else 422,
                        refusal.message) from None
    return Status(201, describe(submission))


@router.get("/submissions/{submission_id}", response={200: SubmissionOut, **ERRORS},
            url_name="submission")
def submission_status(request: HttpRequest, submission_id: uuid.UUID) -> dict[str, Any]:
    """One of your submissions: status and, once graded, the per-test results."""
    submission = Submission.objects.filter(public_id=submission_id, learner=request.auth).first()
    if submission is None:
        raise HttpError(404, "You have no submission with this id.")
    return describe(submission)
