"""A small, fully known class: two enrolled learners with answers and lesson completions, and
one visitor who answered a practice quiz without enrolling."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import User

from nablalab.web.catalog.models import Course, Lesson, ModuleItem
from nablalab.web.learning.models import Enrolment, LessonCompletion
from nablalab.web.quizzes.completion import GRADED_KINDS
from nablalab.web.quizzes.models import Attempt, GradedAnswer
from nablalab.web.submissions.items import assignment_for

from ..conftest import make_user
from ..submissions.helpers import graded as graded_submission

T0 = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
PRODUCT, CHAIN = "product-rule-basic", "chain-rule-basic"
INTEGRATED = "You integrated; the question asks for the derivative."
SIGN_SLIP = "Check the sign of the second term."


@dataclass(frozen=True)
class Klass:
    ada: User
    grace: User
    visitor: User
    graded: list[ModuleItem]
    counted: list[ModuleItem]  # everything completion counts: graded quizzes and assignments


def attempt(learner: User, item: ModuleItem, number: int, score: float | None, *,
            at: datetime, graded: bool = True) -> Attempt:
    made = Attempt.objects.create(learner=learner, item=item, quiz_id="q", graded=graded,
                                  number=number, questions=[], score=score,
                                  submitted_at=None if score is None else at)
    Attempt.objects.filter(pk=made.pk).update(started_at=at)  # auto_now_add otherwise
    return made


def answer(owner: Attempt, template: str, part: str, text: str, *, correct: bool,
           score: float, diagnosis: str, feedback: str = "") -> None:
    GradedAnswer.objects.create(attempt=owner, template=template, seed=1, part=part, text=text,
                                correct=correct, score=score, diagnosis=diagnosis,
                                feedback=feedback)


def enrol(learner: User, course: Course, at: datetime) -> None:
    made = Enrolment.objects.create(learner=learner, course=course)
    Enrolment.objects.filter(pk=made.pk).update(enrolled_at=at)


def complete(learner: User, lesson: Lesson, at: datetime) -> None:
    made = LessonCompletion.objects.create(learner=learner, lesson=lesson)
    LessonCompletion.objects.filter(pk=made.pk).update(completed_at=at)


@pytest.fixture
def klass(course) -> Klass:
    ada, grace, visitor = make_user("ada"), make_user("grace"), make_user("visitor")
    graded = list(ModuleItem.objects.filter(module__course=course, kind="graded-quiz"))
    practice = ModuleItem.objects.filter(kind="practice-quiz").first()
    lessons = list(Lesson.objects.filter(module__course=course)[:3])
    enrol(ada, course, T0)
    enrol(grace, course, T0 + timedelta(days=1))

    # ada: every graded quiz and assignment at 90% (so she passes), a weaker quiz retake.
    for index, item in enumerate(graded):
        attempt(ada, item, 1, 0.9, at=T0 + timedelta(days=2, hours=index))
    counted = list(ModuleItem.objects.filter(module__course=course, kind__in=GRADED_KINDS))
    for item in counted:
        if item.kind == "assignment":
            graded_submission(ada, {"public": (9, 10), "hidden": (0, 0)}, assignment_for(item))
    retake = attempt(ada, graded[0], 2, 0.5, at=T0 + timedelta(days=3))
    complete(ada, lessons[0], T0 + timedelta(days=1))
    complete(ada, lessons[1], T0 + timedelta(days=4))  # her latest activity

    # grace: 60% on the first graded quiz, a perfect practice quiz (which does not count),
    # an unsubmitted graded attempt, and one lesson.
    first = attempt(grace, graded[0], 1, 0.6, at=T0 + timedelta(days=5))
    drill = attempt(grace, practice, 1, 1.0, at=T0 + timedelta(days=6), graded=False)
    attempt(grace, graded[1], 1, None, at=T0 + timedelta(days=7))  # her latest activity
    complete(grace, lessons[2], T0 + timedelta(days=2))

    # The visitor never enrolled: their answers count per question, but they have no row.
    stray = attempt(visitor, practice, 1, 0.0, at=T0, graded=False)

    first_ada = Attempt.objects.get(learner=ada, item=graded[0], number=1)
    answer(first_ada, PRODUCT, "answer", "2*x", correct=True, score=1.0, diagnosis="correct")
    answer(retake, PRODUCT, "answer", "x^2", correct=False, score=0.0,
           diagnosis="antiderivative", feedback=INTEGRATED)
    answer(first, PRODUCT, "answer", "  x ^ 2 ", correct=False, score=0.0,
           diagnosis="antiderivative", feedback=INTEGRATED)
    answer(stray, PRODUCT, "answer", "=HYPERLINK(\"http://x\")", correct=False, score=0.0,
           diagnosis="declared_mistake", feedback=SIGN_SLIP)
    answer(first_ada, CHAIN, "a", "cos(x)", correct=True, score=1.0, diagnosis="correct")
    answer(drill, CHAIN, "a", "cos(x)", correct=True, score=1.0, diagnosis="correct")
    answer(first, CHAIN, "a", "-cos(x)", correct=False, score=0.5, diagnosis="sign",
           feedback="Your answer has the wrong sign.")
    return Klass(ada, grace, visitor, graded, counted)
