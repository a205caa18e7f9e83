"""What the course is made of, as plain immutable data (no Django): the web app, the command
line and notebooks all read the same objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from nablalab.course.examples import Example
from nablalab.course.glossary import Term
from nablalab.course.tryit import TryIt


class ItemKind(StrEnum):
    """The activities a module holds besides its lessons."""

    PRACTICE_QUIZ = "practice-quiz"
    GRADED_QUIZ = "graded-quiz"
    LAB = "lab"
    ASSIGNMENT = "assignment"

    @property
    def graded(self) -> bool:
        """Graded quizzes and programming assignments count towards completing the course."""
        return self in (ItemKind.GRADED_QUIZ, ItemKind.ASSIGNMENT)

    @property
    def label(self) -> str:
        return {
            ItemKind.PRACTICE_QUIZ: "Practice quiz",
            ItemKind.GRADED_QUIZ: "Graded quiz",
            ItemKind.LAB: "Lab",
            ItemKind.ASSIGNMENT: "Programming assignment",
        }[self]

    @property
    def minutes(self) -> int:
        """The time a learner is expected to spend on one such activity, for the course's
        length (lessons state their own): a practice quiz of 5-6 questions 20 minutes, a
        graded quiz 30, a lab 30, a programming assignment 2 hours."""
        return ACTIVITY_MINUTES[self]


ACTIVITY_MINUTES = {ItemKind.PRACTICE_QUIZ: 20, ItemKind.GRADED_QUIZ: 30, ItemKind.LAB: 30,
                    ItemKind.ASSIGNMENT: 120}


@dataclass(frozen=True)
class Lesson:
    slug: str
    module: int
    order: int
    title: str
    minutes: int
    objectives: tuple[str, ...]
    body: str
    source: Path
    widgets: tuple[str, ...] = ()
    try_its: tuple[TryIt, ...] = ()
    examples: tuple[Example, ...] = ()  # worked results, verified by `nablalab content check`


@dataclass(frozen=True)
class Item:
    """A quiz, lab or assignment: its questions and grading live in the assess layer; here is
    only where it sits in the module and what it is about."""

    slug: str
    kind: ItemKind
    title: str
    summary: str
    after: str
    widget: str = ""  # labs only: the exploration the lab is played in, and its start
    state: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Module:
    number: int
    slug: str
    title: str
    summary: str
    intro: str
    lessons: tuple[Lesson, ...]
    items: tuple[Item, ...]
    extra: bool = False  # beyond the course: practice only, never needed for completion

    def sequence(self) -> tuple[Lesson | Item, ...]:
        """Lessons in order, each followed by the items placed after it: the learner's path."""
        steps: list[Lesson | Item] = []
        for lesson in self.lessons:
            steps.append(lesson)
            steps.extend(item for item in self.items if item.after == lesson.slug)
        return tuple(steps)

    @property
    def minutes(self) -> int:
        return sum(lesson.minutes for lesson in self.lessons)


@dataclass(frozen=True)
class Course:
    slug: str
    title: str
    provider: str
    credit: str
    level: str
    skills: tuple[str, ...]
    description: str
    modules: tuple[Module, ...]
    glossary: tuple[Term, ...] = ()  # content/glossary.toml, alphabetical

    def module(self, number: int) -> Module:
        return next(module for module in self.modules if module.number == number)

    def try_its(self) -> dict[str, TryIt]:
        """Every "try it" question of the course by id (ids are unique course-wide)."""
        return {question.id: question for module in self.modules for lesson in module.lessons
                for question in lesson.try_its}
