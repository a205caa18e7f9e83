"""The assignment pages: statement, starter downloads, the editor or an upload, and the
learner's own submissions (polled while grading). Every query of submissions is filtered by
``request.user``: a learner can never reach another's code or results."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nablalab.assignments import NAMES, catalog
from nablalab.course import render_markdown
from nablalab.web.api.throttles import LearnerRateThrottle
from nablalab.web.submissions import intake, tokens
from nablalab.web.submissions.items import item_for, titles
from nablalab.web.submissions.models import ApiToken, Submission

SHOWN_SUBMISSIONS = 20


def _assignment_or_404(name: str) -> str:
    if name not in NAMES:
        raise Http404(f"There is no assignment {name!r}.")
    return name


def downloads(name: str) -> list[str]:
    """What a learner may download: starter code, notebook and data, never the tests."""
    return [path.name for path in catalog.learner_files(name) if path.suffix != ".md"]


def statement_html(name: str) -> str:
    """The statement without its own "# Title" line: the page's h1 already says it."""
    text = (catalog.folder(name) / "statement.md").read_text(encoding="utf-8")
    first, _, rest = text.partition("\n")
    return render_markdown(rest if first.startswith("# ") else text)


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "submissions/index.html", {"assignments": titles().items()})


@login_required
@require_http_methods(["GET", "POST"])
def assignment_page(request: HttpRequest, name: str) -> HttpResponse:
    name = _assignment_or_404(name)
    if request.method == "POST":
        return _submit(request, name)
    return _render_page(request, name)


def _render_page(request: HttpRequest, name: str, status: int = 200) -> HttpResponse:
    folder = catalog.folder(name)
    mine = _own_submissions(request, name)
    last = mine[0].source if mine else (folder / "starter.py").read_text(encoding="utf-8")
    item = item_for(name)
    return render(request, "submissions/assignment.html", {
        "name": name,
        "title": titles()[name],
        "item": item,
        "module": item.module if item else None,
        "statement_html": statement_html(name),
        "downloads": downloads(name),
        "editor_text": request.POST.get("source", last) if request.method == "POST" else last,
        **_list_context(name, mine),
        "attempts_used": intake.attempts_used(request.user, name),
        "attempts_per_day": intake.ATTEMPTS_PER_DAY,
        "max_kb": intake.MAX_SOURCE_BYTES // 1024,
    }, status=status)


def _submit(request: HttpRequest, name: str) -> HttpResponse:
    if not LearnerRateThrottle("assignment").allow_request(request):
        messages.error(request, "You are submitting too often: wait a minute, then submit "
                                "again. Your code is still in the editor.")
        return _render_page(request, name, status=429)
    upload = request.FILES.get("upload")
    try:
        if upload is not None:
            if upload.size > intake.MAX_NOTEBOOK_BYTES:
                raise intake.Refused(f"{upload.name} is too large to upload.", 413)
            source = intake.from_file(upload.name, upload.read())
        else:
            source = intake.from_editor(request.POST.get("source", ""))
        intake.accept(request.user, name, source, via="upload" if upload else "web")
    except intake.Refused as refusal:
        messages.error(request, refusal.message)
        return _render_page(request, name, status=refusal.status)
    messages.success(request, "Submitted: your code is queued for grading. The list below "
                              "updates by itself.")
    return redirect("submissions:assignment", name)


def _own_submissions(request: HttpRequest, name: str) -> list[Submission]:
    return list(Submission.objects.filter(learner=request.user, assignment=name)
                .defer("failure")[:SHOWN_SUBMISSIONS])


@login_required
@require_GET
def submission_list(request: HttpRequest, name: str) -> HttpResponse:
    """The list alone, for htmx to poll while a submission is queued or running."""
    name = _assignment_or_404(name)
    return render(request, "submissions/_list.html",
                  _list_context(name, _own_submissions(request, name)))


def _list_context(name: str, submissions: list[Submission]) -> dict[str, object]:
    return {"name": name, "submissions": submissions,
            "polling": any(s.in_progress for s in submissions)}


@login_required
@require_GET
def download(request: HttpRequest, name: str, filename: str) -> FileResponse:
    name = _assignment_or_404(name)
    if filename not in downloads(name):
        raise Http404(f"The assignment {name} has no file {filename!r} to download.")
    return FileResponse((catalog.folder(name) / filename).open("rb"), as_attachment=True,
                        filename=f"{name}-{filename}")


@login_required
@require_http_methods(["GET", "POST"])
def token_page(request: HttpRequest) -> HttpResponse:
    new_token = None
    if request.method == "POST":
        if ApiToken.objects.filter(learner=request.user).count() >= tokens.MAX_TOKENS:
            messages.error(request, f"You have {tokens.MAX_TOKENS} tokens already: revoke one "
                                    "you no longer use, then create a new one.")
        else:
            _row, new_token = tokens.create(request.user, request.POST.get("name", ""))
    return render(request, "submissions/tokens.html", {
        "tokens": ApiToken.objects.filter(learner=request.user),
        "new_token": new_token,
        "server": request.build_absolute_uri("/"),
    })


@login_required
@require_POST
def revoke_token(request: HttpRequest, token_id: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=token_id, learner=request.user)
    token.delete()
    messages.success(request, f"Revoked the token “{token.name}”: it no longer works.")
    return redirect("submissions:tokens")
