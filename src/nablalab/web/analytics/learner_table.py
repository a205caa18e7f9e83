"""One row per enrolled learner: lessons done, best graded score per quiz, pass, last
activity. A fixed handful of grouped queries for the whole table (no query per learner);
"passed" uses the quizzes app's own rule so the table agrees with certificates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Max

from nablalab.web.catalog.models import Course, Lesson, ModuleItem
from nablalab.web.learning.models import Enrolment, LessonCompletion
from nablalab.web.quizzes.completion import GRADED_KINDS, Standing, course_passed
from nablalab.web.quizzes.models import Attempt
from nablalab.web.submissions.scores import best_scores_by_learner


@dataclass(frozen=True)
class LearnerRow:
    learner: str
    enrolled_at: datetime
    lessons_done: int
    standings: tuple[Standing, ...]  # one per graded quiz, in course order
    last_activity: datetime

    @property
    def passed(self) -> bool:
        return course_passed(list(self.standings))


@dataclass(frozen=True)
class LearnerTable:
    lessons_total: int
    quizzes: tuple[ModuleItem, ...]
    rows: tuple[LearnerRow, ...]


def learner_table(course: Course) -> LearnerTable:
    enrolments = list(Enrolment.objects.filter(course=course).select_related("learner")
                      .order_by("learner__username"))
    enrolled = Enrolment.objects.filter(course=course).values("learner")
    quizzes = tuple(ModuleItem.objects.filter(module__course=course, kind__in=GRADED_KINDS))
    lessons = (LessonCompletion.objects.filter(lesson__module__course=course,
                                               learner__in=enrolled)
               .values("learner").annotate(done=Count("id"), last=Max("completed_at"))
               .order_by())
    lessons_by_learner = {row["learner"]: row for row in lessons}
    best = {(row["learner"], row["item"]): row["best"] for row in
            Attempt.objects.filter(graded=True, submitted_at__isnull=False, item__in=quizzes,
                                   learner__in=enrolled)
            .values("learner", "item").annotate(best=Max("score")).order_by()}
    best.update(best_scores_by_learner(enrolled, quizzes))  # programming assignments
    last_attempt = {row["learner"]: max(filter(None, (row["started"], row["submitted"])))
                    for row in Attempt.objects.filter(item__module__course=course,
                                                      learner__in=enrolled)
                    .values("learner").annotate(started=Max("started_at"),
                                                submitted=Max("submitted_at")).order_by()}
    rows = []
    for enrolment in enrolments:
        learner = enrolment.learner_id
        done = lessons_by_learner.get(learner, {"done": 0, "last": None})
        moments = (enrolment.enrolled_at, done["last"], last_attempt.get(learner))
        rows.append(LearnerRow(
            enrolment.learner.get_username(), enrolment.enrolled_at, done["done"],
            tuple(Standing(quiz, best.get((learner, quiz.pk))) for quiz in quizzes),
            max(moment for moment in moments if moment is not None)))
    return LearnerTable(Lesson.objects.filter(module__course=course).count(), quizzes,
                        tuple(rows))
