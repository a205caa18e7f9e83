"""Practise now (signed-in learners, their own skills only) and the class's mastery for
instructors (staff only, through the analytics app's guard)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from nablalab.adaptive import skill_map
from nablalab.web.analytics.views import staff_only
from nablalab.web.api.throttles import LearnerRateThrottle
from nablalab.web.catalog.lookup import site_course
from nablalab.web.mastery import practise
from nablalab.web.mastery.class_stats import class_mastery
from nablalab.web.mastery.hooks import PRACTISE_NOW, record_variant
from nablalab.web.mastery.layout import MASTERY_PERCENT
from nablalab.web.quizzes import sheet

FIRST = 0  # practise now shows one question at a time: always question index 0


@login_required
def practise_page(request: HttpRequest) -> HttpResponse:
    question = practise.current(request) or practise.choose_next(request)
    return _render(request, question)


@login_required
@require_POST
def answer(request: HttpRequest) -> HttpResponse:
    question = practise.current(request)
    if question is None or question.submitted:
        return redirect("mastery:practise")
    variant = question.variant
    try:
        answers = sheet.read_answers([variant], request.POST)
    except sheet.AnswerTooLong as error:
        return _render(request, question, {"": str(error)}, status=413)
    question.drafts = answers
    if not LearnerRateThrottle("submit").allow_request(request):
        practise.save(request, question)
        return _render(request, question, {"": "Too many answers in a short time: wait a "
                                           "minute and send it again."}, status=429)
    graded = sheet.grade([variant], answers)
    if graded.unreadable:
        practise.save(request, question)
        return _render(request, question, graded.unreadable, status=422)
    by_part = {p.name: graded.results[sheet.field_name(FIRST, p.name)] for p in variant.parts}
    changes = record_variant(request.user, variant, by_part, PRACTISE_NOW)
    question.results = graded.results
    skills = skill_map()
    question.changes = [{"name": skills[c.skill].name, "before": round(100 * c.before),
                         "after": round(100 * c.after), "mistake": c.mistake}
                        for c in changes]
    practise.save(request, question)
    return redirect("mastery:practise")


@login_required
@require_POST
def next_question(request: HttpRequest) -> HttpResponse:
    question = practise.current(request)
    if question is None or question.submitted:
        practise.choose_next(request)
    return redirect("mastery:practise")


@login_required
@require_POST
def save_drafts(request: HttpRequest) -> HttpResponse:
    """Keep what the learner typed (the quiz script posts here as they type)."""
    question = practise.current(request)
    if question is None or question.submitted:
        return JsonResponse({"saved": False, "detail": "This question has been answered."},
                            status=409)
    try:
        question.drafts = sheet.read_answers([question.variant], request.POST)
    except sheet.AnswerTooLong as error:
        return JsonResponse({"saved": False, "detail": str(error)}, status=413)
    practise.save(request, question)
    return JsonResponse({"saved": True})


def _render(request: HttpRequest, question: practise.Current,
            problems: dict[str, str] | None = None, status: int = 200) -> HttpResponse:
    skill = skill_map()[question.skill]
    values = ({k: r["text"] for k, r in question.results.items()} if question.submitted
              else question.drafts)
    shown = sheet.page_questions([question.variant], values, question.results, problems)
    return render(request, "mastery/practise.html", {
        "course": site_course(), "skill": skill, "reason": question.reason,
        "question": shown[FIRST], "attempt": question, "changes": question.changes,
        "form_problem": (problems or {}).get(""),
    }, status=status)


@staff_only
def class_page(request: HttpRequest) -> HttpResponse:
    return render(request, "mastery/class.html", {
        "course": site_course(), "stats": class_mastery(timezone.now()),
        "mastery_percent": MASTERY_PERCENT})
