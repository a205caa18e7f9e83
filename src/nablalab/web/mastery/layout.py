"""The skill map drawn as SVG on the server: skills in columns by depth (the longest chain
of prerequisites below them), ordered within a column to keep arrows short, each node
coloured by the learner's state. No script needed, and a text list goes alongside."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from nablalab.adaptive import MASTERY, SkillState, Status, skill_map

NODE_W, NODE_H = 176, 30
COL_GAP, ROW_GAP = 44, 12
MARGIN = 8


@dataclass(frozen=True)
class Node:
    id: str
    slug: str
    name: str
    description: str
    status: str
    percent: int
    answers: int
    x: int
    y: int

    @property
    def css(self) -> str:
        return "skill-" + self.status.replace(" ", "-")


@dataclass(frozen=True)
class Arrow:
    path: str
    label: str


@dataclass(frozen=True)
class MapDrawing:
    width: int
    height: int
    nodes: list[Node]
    arrows: list[Arrow]

    def by_status(self) -> list[dict[str, object]]:
        """The nodes grouped by state (the text alternative, and the legend)."""
        return [{"status": status.value, "css": "skill-" + status.value.replace(" ", "-"),
                 "nodes": [n for n in self.nodes if n.status == status]}
                for status in (Status.NEEDS_REVIEW, Status.IN_PROGRESS, Status.MASTERED,
                               Status.NOT_STARTED)]


def columns() -> list[list[str]]:
    """Skills per depth, each column ordered by the mean row of its prerequisites."""
    skills = skill_map()
    depth = skills.depth()
    cols: list[list[str]] = [[] for _ in range(max(depth.values()) + 1)]
    for skill in skills.order:
        cols[depth[skill]].append(skill)
    row: dict[str, float] = {s: i for i, s in enumerate(cols[0])}
    for col in cols[1:]:
        col.sort(key=lambda s: sum(row[p] for p in skills[s].prerequisites)
                 / len(skills[s].prerequisites))
        row.update({s: i for i, s in enumerate(col)})
    return cols


def draw(profile: Mapping[str, SkillState], now: datetime) -> MapDrawing:
    skills = skill_map()
    cols = columns()
    nodes: dict[str, Node] = {}
    for c, col in enumerate(cols):
        for r, skill_id in enumerate(col):
            skill = skills[skill_id]
            state = profile.get(skill_id) or SkillState.new(skill_id)
            nodes[skill_id] = Node(skill_id, skill.slug, skill.name, skill.description,
                                   state.status(now).value,
                                   round(100 * min(state.p_known, 1.0)), state.answers,
                                   MARGIN + c * (NODE_W + COL_GAP),
                                   MARGIN + r * (NODE_H + ROW_GAP))
    arrows = []
    for pre, skill_id in skills.edges():
        a, b = nodes[pre], nodes[skill_id]
        x1, y1 = a.x + NODE_W, a.y + NODE_H // 2
        x2, y2 = b.x - 3, b.y + NODE_H // 2
        bend = (x2 - x1) // 2
        arrows.append(Arrow(f"M{x1},{y1} C{x1 + bend},{y1} {x2 - bend},{y2} {x2},{y2}",
                            f"{a.name} before {b.name}"))
    width = 2 * MARGIN + len(cols) * NODE_W + (len(cols) - 1) * COL_GAP
    height = 2 * MARGIN + max(len(c) for c in cols) * (NODE_H + ROW_GAP) - ROW_GAP
    return MapDrawing(width, height, list(nodes.values()), arrows)


MASTERY_PERCENT = round(100 * MASTERY)
