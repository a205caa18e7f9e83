"""Reading reviews (anyone), writing one's own (enrolled learners), moderating (staff)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from nablalab.web.catalog.lookup import site_course
from nablalab.web.learning.progress import is_enrolled
from nablalab.web.redirects import safe_next
from nablalab.web.reviews.forms import ReviewForm
from nablalab.web.reviews.listing import review_listing
from nablalab.web.reviews.models import Review
from nablalab.web.reviews.summary import rating_summary

MODERATION = {
    "feature": ("is_featured", True, "The review is now featured on the course page."),
    "unfeature": ("is_featured", False, "The review is no longer featured."),
    "hide": ("is_hidden", True, "The review is hidden from learners."),
    "show": ("is_hidden", False, "The review is visible again."),
}


def review_list(request: HttpRequest) -> HttpResponse:
    """The full page, or just the list when htmx asks for it (filter or page change)."""
    course = site_course()
    context = {"course": course, "listing": review_listing(course, request.GET)}
    if request.headers.get("HX-Request") == "true":
        return render(request, "reviews/_listing.html", context)
    context["summary"] = rating_summary(course)
    return render(request, "reviews/list.html", context)


@login_required
def write_review(request: HttpRequest) -> HttpResponse:
    """Create or edit the signed-in learner's own review: there is no way to name another's."""
    course = site_course()
    if not is_enrolled(request.user, course):
        raise PermissionDenied("Only learners enrolled in the course can review it. "
                               "Enrol from the course page first.")
    review = Review.objects.filter(course=course, author=request.user).first()
    form = ReviewForm(request.POST or None, instance=review)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.course, saved.author = course, request.user
        saved.save()
        messages.success(request, "Thank you: your review is saved." if review is None
                         else "Your review has been updated.")
        return redirect("catalog:course")
    return render(request, "reviews/form.html", {"course": course, "form": form,
                                                 "editing": review is not None})


@login_required
@require_POST
def moderate_review(request: HttpRequest, review_id: int) -> HttpResponse:
    """Instructors (staff) feature or hide a review; the hidden ones stay in the admin."""
    if not request.user.is_staff:
        raise PermissionDenied("Only instructors can feature or hide reviews.")
    review = get_object_or_404(Review, pk=review_id)
    action = MODERATION.get(request.POST.get("action", ""))
    if action is None:
        messages.error(request, "Unknown moderation action: use feature, unfeature, hide or show.")
        return redirect("reviews:list")
    field, value, message = action
    setattr(review, field, value)
    review.save(update_fields=[field])
    messages.success(request, message)
    return redirect(safe_next(request) or "reviews:list")

