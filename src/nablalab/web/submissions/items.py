"""Which course activity is which programming assignment.

The course's ``assignment`` items (module.md) are matched to the grader's assignments by
title, which both sides spell the same ("Backpropagation"); an item without a match has no
assignment page, and the test suite checks every course assignment item finds one.
"""

from __future__ import annotations

from functools import cache

from nablalab.assignments import NAMES, load
from nablalab.web.catalog.models import ModuleItem

ASSIGNMENT_KIND = "assignment"


@cache
def titles() -> dict[str, str]:
    """Assignment name -> its title, e.g. "backprop" -> "Backpropagation"."""
    return {name: load(name).title for name in NAMES}


def assignment_for(item: ModuleItem) -> str | None:
    """The assignment name a course item stands for, if it is a programming assignment."""
    if item.kind != ASSIGNMENT_KIND:
        return None
    return next((name for name, title in titles().items() if title == item.title), None)


def item_for(name: str) -> ModuleItem | None:
    """The course item for an assignment (None for assignments outside the course syllabus)."""
    return (ModuleItem.objects.select_related("module")
            .filter(kind=ASSIGNMENT_KIND, title=titles()[name]).first())
