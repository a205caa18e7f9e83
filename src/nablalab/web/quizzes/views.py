"""Quiz pages. Practice: anyone, fresh questions each time. Graded: signed-in and enrolled,
limited attempts, questions seeded per learner and attempt. Attempts are only ever found
through ``store.find_attempt``, which filters by the learner (or the visitor's session)."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from nablalab.web.api.throttles import LearnerRateThrottle
from nablalab.web.catalog.lookup import site_course
from nablalab.web.catalog.models import ModuleItem
from nablalab.web.learning.progress import is_enrolled
from nablalab.web.mastery.hooks import record_quiz_answers
from nablalab.web.quizzes import sheet, store
from nablalab.web.quizzes.catalogue import PASS_MARK, QUIZ_KINDS, question_count, quiz_id_for
from nablalab.web.quizzes.completion import (
    ATTEMPT_WINDOW,
    MAX_GRADED_ATTEMPTS,
    course_passed,
    graded_standings,
    next_attempt_at,
    overall,
)
from nablalab.web.quizzes.models import Attempt, Certificate, GradedAnswer

Found = Attempt | store.GuestAttempt


def _quiz_item(module_slug: str, item_slug: str) -> ModuleItem:
    return get_object_or_404(ModuleItem.objects.select_related("module__course"),
                             module__course=site_course(), module__slug=module_slug,
                             slug=item_slug, kind__in=QUIZ_KINDS)


def quiz_page(request: HttpRequest, module_slug: str, item_slug: str) -> HttpResponse:
    item = _quiz_item(module_slug, item_slug)
    course = item.module.course
    attempts = (list(Attempt.objects.filter(learner=request.user, item=item))
                if request.user.is_authenticated else [])
    scores = [a.score for a in attempts if a.score is not None]
    return render(request, "quizzes/quiz.html", {
        "course": course, "module": item.module, "item": item,
        "questions": question_count(quiz_id_for(item.slug)),
        "pass_percent": round(100 * PASS_MARK),
        "attempts": attempts,
        "open_attempt": next((a for a in attempts if not a.submitted), None),
        "best": round(100 * max(scores)) if scores else None,
        "enrolled": is_enrolled(request.user, course),
        "max_attempts": MAX_GRADED_ATTEMPTS,
        "window_hours": round(ATTEMPT_WINDOW.total_seconds() / 3600),
        "wait_until": (next_attempt_at(request.user, item)
                       if item.graded and request.user.is_authenticated else None),
    })


@require_POST
def start(request: HttpRequest, module_slug: str, item_slug: str) -> HttpResponse:
    item = _quiz_item(module_slug, item_slug)
    if not item.graded:
        return redirect("quizzes:attempt", store.new_practice(request, item).public_id)
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("quizzes:quiz", args=[module_slug, item_slug]))
    if not is_enrolled(request.user, item.module.course):
        raise PermissionDenied("Enrol in the course to take graded quizzes.")
    with transaction.atomic():
        attempts = Attempt.objects.select_for_update().filter(learner=request.user, item=item)
        if open_attempt := attempts.filter(submitted_at__isnull=True).first():
            return redirect(open_attempt)
        if wait := next_attempt_at(request.user, item):
            messages.error(request, f"You have used {MAX_GRADED_ATTEMPTS} attempts in the "
                           f"last {round(ATTEMPT_WINDOW.total_seconds() / 3600)} hours; the "
                           f"next one opens at {timezone.localtime(wait):%H:%M on %d %b} (UTC).")
            return redirect("quizzes:quiz", item.module.slug, item.slug)
        attempt = store.new_graded(request.user, item, attempts.count() + 1)
    return redirect(attempt)


def attempt_page(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _render_attempt(request, store.find_attempt(request, public_id))


def _render_attempt(request: HttpRequest, attempt: Found, problems: dict[str, str] | None = None,
                    status: int = 200) -> HttpResponse:
    item = attempt.item
    drawn = sheet.variants(attempt.questions)
    values = ({k: r["text"] for k, r in attempt.results.items()} if attempt.submitted
              else attempt.drafts)
    return render(request, "quizzes/attempt.html", {
        "course": item.module.course, "module": item.module, "item": item,
        "attempt": attempt,
        "questions": sheet.page_questions(drawn, values,
                                          attempt.results if attempt.submitted else None,
                                          problems),
        "percent": None if attempt.score is None else round(100 * attempt.score),
        "passed": attempt.score is not None and attempt.score >= PASS_MARK,
        "pass_percent": round(100 * PASS_MARK),
        "problems": problems,
    }, status=status)


@require_POST
def save_drafts(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Keep what the learner typed (the page's script calls this as they type)."""
    attempt = store.find_attempt(request, public_id)
    if attempt.submitted:
        return _refuse(request, attempt, "This attempt has been submitted; its answers are final.",
                       409)
    try:
        attempt.drafts = sheet.read_answers(sheet.variants(attempt.questions), request.POST)
    except sheet.AnswerTooLong as error:
        return _refuse(request, attempt, str(error), 413)
    store.save(request, attempt)
    if _wants_json(request):
        return JsonResponse({"saved": True})
    messages.success(request, "Your answers are saved; come back any time to finish.")
    return redirect("quizzes:attempt", attempt.public_id)


@require_POST
def submit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    attempt = store.find_attempt(request, public_id)
    if attempt.submitted:
        return _refuse(request, attempt, "This attempt has already been submitted.", 409)
    drawn = sheet.variants(attempt.questions)
    try:
        answers = sheet.read_answers(drawn, request.POST)
    except sheet.AnswerTooLong as error:
        return _refuse(request, attempt, str(error), 413)
    attempt.drafts = answers
    if not LearnerRateThrottle("submit").allow_request(request):
        store.save(request, attempt)
        return _refuse(request, attempt, "Too many submissions in a short time: your answers "
                       "are saved; wait a minute and submit again.", 429)
    graded = sheet.grade(drawn, answers)
    if graded.unreadable:
        store.save(request, attempt)
        messages.error(request, "Some answers could not be read, so nothing was graded and "
                       "no attempt was used. Fix the marked answers and submit again.")
        return _render_attempt(request, attempt, graded.unreadable, status=422)
    attempt.results, attempt.score = graded.results, graded.score
    store.mark_submitted(attempt)
    with transaction.atomic():
        store.save(request, attempt)
        if isinstance(attempt, Attempt):
            _record_answers(attempt)
            record_quiz_answers(attempt.learner, drawn, attempt.results, attempt.graded)
    return redirect("quizzes:attempt", attempt.public_id)


def _record_answers(attempt: Attempt) -> None:
    rows = []
    for index, question in enumerate(attempt.questions):
        prefix = sheet.field_name(index, "")
        for name, result in attempt.results.items():
            if name.startswith(prefix):
                rows.append(GradedAnswer(
                    attempt=attempt, template=question["slug"], seed=question["seed"],
                    part=name.removeprefix(prefix), text=result["text"],
                    interpreted=result["interpreted"], correct=result["correct"],
                    score=result["score"], diagnosis=result["diagnosis"],
                    feedback=result["feedback"]))
    GradedAnswer.objects.bulk_create(rows)


def _refuse(request: HttpRequest, attempt: Found, message: str, status: int) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"saved": False, "detail": message}, status=status)
    messages.error(request, message)
    return _render_attempt(request, attempt, status=status)


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@login_required
def completion(request: HttpRequest) -> HttpResponse:
    course = site_course()
    standings = graded_standings(request.user, course)
    return render(request, "quizzes/completion.html", {
        "course": course, "standings": standings, "passed": course_passed(standings),
        "pass_percent": round(100 * PASS_MARK),
        "certificate": Certificate.objects.filter(learner=request.user, course=course).first(),
    })


@login_required
@require_POST
def issue_certificate(request: HttpRequest) -> HttpResponse:
    course = site_course()
    standings = graded_standings(request.user, course)
    if not course_passed(standings):
        raise PermissionDenied(f"A certificate needs every graded quiz and assignment at "
                               f"{round(100 * PASS_MARK)}% or more.")
    name = request.user.get_full_name() or request.user.get_username()
    certificate, _ = Certificate.objects.get_or_create(
        learner=request.user, course=course,
        defaults={"name": name, "score": overall(standings)})
    return redirect(certificate)


def certificate_page(request: HttpRequest, code: str) -> HttpResponse:
    certificate = Certificate.objects.select_related("course").filter(code=code).first()
    if certificate is None:
        raise Http404("No certificate has this verification code.")
    return render(request, "quizzes/certificate.html", {
        "certificate": certificate, "course": certificate.course,
        "percent": round(100 * certificate.score), "pass_percent": round(100 * PASS_MARK),
    })
