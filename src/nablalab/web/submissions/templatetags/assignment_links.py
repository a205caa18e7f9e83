"""``{% assignment_url item as url %}``: the assignment page of a course activity (or "")."""

from __future__ import annotations

from django import template
from django.urls import reverse

from nablalab.web.catalog.models import ModuleItem
from nablalab.web.submissions.items import assignment_for

register = template.Library()


@register.simple_tag
def assignment_url(item: ModuleItem) -> str:
    name = assignment_for(item)
    return reverse("submissions:assignment", args=[name]) if name else ""
