"""Finding the course this site serves (one course per site, synced from ``content/``)."""

from __future__ import annotations

from django.http import Http404

from nablalab.web.catalog.models import Course


def site_course() -> Course:
    course = Course.objects.order_by("id").first()
    if course is None:
        raise Http404("No course has been loaded yet: run `nablalab serve`, which loads it.")
    return course
