"""``{% learner_skill_map %}``: the signed-in learner's skill map, for the dashboard."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from nablalab.adaptive.planner import needing_work
from nablalab.web.mastery.layout import MASTERY_PERCENT, NODE_H, NODE_W, draw
from nablalab.web.mastery.store import load_profile

register = template.Library()


@register.inclusion_tag("mastery/_skill_map.html", takes_context=True)
def learner_skill_map(context: dict[str, Any]) -> dict[str, Any]:
    learner = context["request"].user
    now = timezone.now()
    profile = load_profile(learner)
    return {"drawing": draw(profile, now), "node_w": NODE_W, "node_h": NODE_H,
            "text_y": NODE_H // 2 + 4, "due": len(needing_work(profile, now)),
            "mastery_percent": MASTERY_PERCENT}
