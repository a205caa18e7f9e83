"""``{% graded_scores %}``: the learner's best graded-quiz scores, for the dashboard.

A template tag keeps the learning app free of imports from this app (which depends on it).
"""

from __future__ import annotations

from django import template

from nablalab.web.quizzes.completion import course_passed, graded_standings

register = template.Library()


@register.inclusion_tag("quizzes/_scores.html", takes_context=True)
def graded_scores(context: template.Context) -> dict[str, object]:
    standings = graded_standings(context["request"].user, context["course"])
    return {"standings": standings, "passed": course_passed(standings)}
