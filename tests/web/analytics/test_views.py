"""The analytics pages over HTTP: staff only, CSV downloads safe to open in a spreadsheet,
and a number of queries that does not grow with the class."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nablalab.web.analytics.export import safe_cell
from nablalab.web.catalog.models import Lesson

from ..conftest import make_user
from .conftest import PRODUCT, T0, answer, attempt, complete, enrol

pytestmark = pytest.mark.django_db

PAGES = ("analytics:questions", "analytics:learners",
         "analytics:questions-csv", "analytics:learners-csv")


@pytest.mark.parametrize("name", PAGES)
def test_only_staff_see_analytics(name, client, learner_client, staff_client, course):
    url = reverse(name)
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert learner_client.get(url).status_code == 403
    assert staff_client.get(url).status_code == 200


def test_header_links_analytics_for_staff_only(learner_client, staff_client, course):
    link = f'href="{reverse("analytics:questions")}"'
    assert link in staff_client.get(reverse("learning:dashboard")).content.decode()
    assert link not in learner_client.get(reverse("learning:dashboard")).content.decode()


def test_question_page_shows_the_figures(staff_client, klass):
    html = staff_client.get(reverse("analytics:questions"), {"sort": "success"}).content.decode()
    assert "25%" in html and "67%" in html and "<code>x^2</code> × 2" in html
    assert "antiderivative" in html and 'aria-sort="ascending"' in html
    assert html.index(PRODUCT) < html.index("chain-rule-basic")


def test_learner_page_shows_the_table(staff_client, klass):
    html = staff_client.get(reverse("analytics:learners")).content.decode()
    assert "ada" in html and "grace" in html and "visitor" not in html
    assert "90%" in html and "60%" in html and T0.strftime("%Y-%m-%d") in html


def read_csv(response) -> list[list[str]]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8"))))


def test_questions_csv(staff_client, klass):
    response = staff_client.get(reverse("analytics:questions-csv"))
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="nablalab-questions-')
    assert disposition.endswith('.csv"')
    header, product, chain = read_csv(response)
    assert header[:6] == ["template", "part", "attempts", "correct", "success_rate",
                          "mean_score"]
    assert product[:6] == [PRODUCT, "answer", "4", "1", "0.25", "0.25"]
    assert product[6] == 'x^2 (2); =HYPERLINK("http://x") (1)'  # inside text: harmless
    assert chain[:6] == ["chain-rule-basic", "a", "3", "2", "0.6667", "0.8333"]
    assert chain[6].startswith("'-cos(x)")  # a cell starting with "-" is quoted


def test_learners_csv(staff_client, klass):
    response = staff_client.get(reverse("analytics:learners-csv"))
    assert response["Content-Disposition"].startswith('attachment; filename="nablalab-learners-')
    header, ada, grace = read_csv(response)
    quizzes = len(klass.counted)  # graded quizzes and assignments
    assert header[:4] == ["learner", "enrolled", "lessons_completed", "lessons_total"]
    assert header[-2:] == ["passed", "last_activity"] and len(header) == 6 + quizzes
    assert ada[0] == "ada" and ada[2] == "2" and ada[4:4 + quizzes] == ["0.9"] * quizzes
    assert ada[-2] == "yes"
    assert grace[4:4 + quizzes] == ["0.6"] + [""] * (quizzes - 1) and grace[-2] == "no"


def test_a_learner_named_like_a_formula_is_quoted(staff_client, course):
    enrol(make_user("=cmd"), course, T0)
    rows = read_csv(staff_client.get(reverse("analytics:learners-csv")))
    assert rows[1][0] == "'=cmd"


@pytest.mark.parametrize(("value", "expected"), [
    ("=1+2", "'=1+2"), ("+1", "'+1"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("x-1", "x-1"), ("", ""), (-1.5, -1.5), (3, 3), (None, None)])
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def add_learners(course, graded, count: int) -> None:
    lesson = Lesson.objects.filter(module__course=course).first()
    for index in range(count):
        learner = make_user(f"extra{index}")
        enrol(learner, course, T0)
        complete(learner, lesson, T0)
        for number, item in enumerate(graded, start=1):
            sitting = attempt(learner, item, number, 0.5, at=T0)
            answer(sitting, f"template-{index}", "answer", "y", correct=False, score=0.0,
                   diagnosis="wrong")


@pytest.mark.parametrize("name", PAGES)
def test_queries_do_not_grow_with_the_class(name, staff_client: Client, klass, course,
                                            django_assert_max_num_queries):
    url = reverse(name)
    with CaptureQueriesContext(connection) as small:
        assert staff_client.get(url).status_code == 200
    add_learners(course, klass.graded, 6)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert staff_client.get(url).status_code == 200
    assert len(small.captured_queries) <= 10
