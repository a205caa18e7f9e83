"""Quiz pages through Django's test client: practice for anyone, graded work for enrolled
learners only, attempts private to their owner, answers hidden until submission."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from nablalab.web.catalog.models import ModuleItem
from nablalab.web.quizzes import sheet
from nablalab.web.quizzes.catalogue import draw_questions, graded_seed
from nablalab.web.quizzes.models import Attempt, Certificate, GradedAnswer
from nablalab.web.submissions.items import assignment_for

from ..conftest import make_user
from ..submissions.helpers import graded

pytestmark = pytest.mark.django_db

PRACTICE = "practising-the-product-rule"
GRADED = "unleashing-the-toolbox"


def quiz(slug: str) -> ModuleItem:
    return ModuleItem.objects.select_related("module").get(slug=slug)


def start(client: Client, slug: str):
    item = quiz(slug)
    return client.post(reverse("quizzes:start", args=[item.module.slug, item.slug]))


def started_attempt(client: Client, slug: str) -> str:
    response = start(client, slug)
    assert response.status_code == 302, response
    return response.url


def answers(questions, *, right: bool) -> dict[str, str]:
    """Every box answered, rightly (the reference answer) or wrongly but readably."""
    typed = {}
    for index, variant in enumerate(sheet.variants(questions)):
        for part in variant.parts:
            if right:
                typed[sheet.field_name(index, part.name)] = part.typed()
            elif part.kind == "choice":
                typed[sheet.field_name(index, part.name)] = next(
                    c.key for c in part.choices if c.key not in part.typed())
            else:
                typed[sheet.field_name(index, part.name)] = ""
    return typed


def typed_boxes(questions) -> list[str]:
    """The boxes answered by typing maths, not by ticking choices (which boxes those are
    depends on the variants drawn, so on the learner's id)."""
    return [sheet.field_name(index, part.name)
            for index, variant in enumerate(sheet.variants(questions))
            for part in variant.parts if part.kind != "choice"]


def attempt_of(url: str) -> Attempt:
    return Attempt.objects.get(public_id=url.rstrip("/").rsplit("/", 1)[-1])


def submit_url(url: str) -> str:
    return url + "submit/"


# --- practice --------------------------------------------------------------------------------

def test_visitors_practise_without_an_account_in_their_session(client, course):
    url = started_attempt(client, PRACTICE)
    page = client.get(url)
    assert page.status_code == 200 and "Question 1" in page.content.decode()
    assert not Attempt.objects.exists()
    questions = next(iter(client.session["quiz_practice"].values()))["questions"]
    assert len(questions) in (5, 6)
    response = client.post(submit_url(url), answers(questions, right=True))
    assert response.status_code == 302
    html = client.get(url).content.decode()
    assert "Score: <strong>100%</strong>" in html and "Worked solution" in html
    assert not GradedAnswer.objects.exists()


def test_each_practice_attempt_draws_fresh_questions(learner_client, course):
    first = attempt_of(started_attempt(learner_client, PRACTICE))
    second = attempt_of(started_attempt(learner_client, PRACTICE))
    assert first.questions != second.questions and not first.graded
    assert (first.number, second.number) == (1, 2)


def test_signed_in_practice_is_saved_and_scored(learner, learner_client, course):
    url = started_attempt(learner_client, PRACTICE)
    attempt = attempt_of(url)
    learner_client.post(submit_url(url), answers(attempt.questions, right=False))
    attempt.refresh_from_db()
    assert attempt.submitted and attempt.score < 0.8
    page = learner_client.get(reverse("quizzes:quiz",
                                      args=[attempt.item.module.slug, PRACTICE])).content.decode()
    assert "Your best score" in page


# --- graded: permissions and limits ----------------------------------------------------------

def test_graded_quizzes_need_login_then_enrolment(client, learner_client, course):
    response = start(client, GRADED)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert start(learner_client, GRADED).status_code == 403
    assert not Attempt.objects.exists()


def test_start_needs_post_and_csrf(learner, course):
    item = quiz(GRADED)
    url = reverse("quizzes:start", args=[item.module.slug, item.slug])
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(learner)
    assert strict.get(url).status_code == 405
    assert strict.post(url).status_code == 403


def test_graded_questions_are_seeded_per_learner_and_attempt(learner, enrolled_client, course):
    attempt = attempt_of(started_attempt(enrolled_client, GRADED))
    expected = draw_questions("m1-graded-toolbox", graded_seed(learner.pk, "m1-graded-toolbox", 1))
    assert attempt.graded and attempt.number == 1 and attempt.questions == expected
    # Starting again while it is open resumes the same attempt.
    assert attempt_of(started_attempt(enrolled_client, GRADED)) == attempt


def test_attempt_limit_is_three_in_eight_hours(learner, enrolled_client, course):
    for number in (1, 2, 3):
        url = started_attempt(enrolled_client, GRADED)
        assert attempt_of(url).number == number
        enrolled_client.post(submit_url(url), answers(attempt_of(url).questions, right=False))
    refused = start(enrolled_client, GRADED)
    assert refused.url == reverse("quizzes:quiz", args=[quiz(GRADED).module.slug, GRADED])
    assert Attempt.objects.filter(learner=learner).count() == 3
    Attempt.objects.filter(number=1).update(submitted_at=timezone.now() - timedelta(hours=9))
    assert attempt_of(started_attempt(enrolled_client, GRADED)).number == 4


def test_save_and_resume_drafts(enrolled_client, course):
    url = started_attempt(enrolled_client, GRADED)
    field = typed_boxes(attempt_of(url).questions)[0]
    saved = enrolled_client.post(url + "save/", {field: "x^2 + 1"},
                                 headers={"Accept": "application/json"})
    assert saved.json() == {"saved": True}
    assert attempt_of(url).drafts == {field: "x^2 + 1"}
    assert 'value="x^2 + 1"' in enrolled_client.get(url).content.decode()


def test_answers_are_size_limited(enrolled_client, course):
    url = started_attempt(enrolled_client, GRADED)
    field = sheet.field_names(sheet.variants(attempt_of(url).questions))[0]
    response = enrolled_client.post(url + "save/", {field: "x+" * 300},
                                    headers={"Accept": "application/json"})
    assert response.status_code == 413 and "at most 500" in response.json()["detail"]
    assert enrolled_client.post(submit_url(url), {field: "x+" * 300}).status_code == 413
    assert not attempt_of(url).submitted


def test_unreadable_answer_shows_the_parser_message_and_costs_no_attempt(enrolled_client,
                                                                        course):
    url = started_attempt(enrolled_client, GRADED)
    attempt = attempt_of(url)
    typed = answers(attempt.questions, right=True)
    field = next(name for name in typed_boxes(attempt.questions) if not typed[name].isalpha())
    typed[field] = "(x+"
    response = enrolled_client.post(submit_url(url), typed)
    assert response.status_code == 422
    html = response.content.decode()
    assert "no attempt was used" in html and 'class="quiz-problem"' in html
    attempt.refresh_from_db()
    assert not attempt.submitted and attempt.drafts[field] == "(x+"


def test_expected_answers_never_reach_the_page_before_submission(enrolled_client, course):
    url = started_attempt(enrolled_client, GRADED)
    html = enrolled_client.get(url).content.decode()
    assert "Worked solution" not in html and "Hints" not in html
    checked = 0
    for variant in sheet.variants(attempt_of(url).questions):
        for part in variant.parts:
            revealed = part.to_dict(reveal=True)
            if len(revealed["answer"]) >= 6:
                assert revealed["answer"] not in html
                assert revealed["answer_latex"] not in html
                checked += 1
    assert checked


def test_submission_grades_every_part_and_records_diagnoses(learner, enrolled_client, course):
    url = started_attempt(enrolled_client, GRADED)
    attempt = attempt_of(url)
    typed = answers(attempt.questions, right=True)
    # A typed (not ticked) box answered "0": wrong, but readable. A multiple-choice box's
    # answer ("a, c") is not a letter either, and "0" is no choice there: not that one.
    wrong = next(name for name in typed_boxes(attempt.questions) if typed[name] != "0")
    typed[wrong] = "0"
    assert enrolled_client.post(submit_url(url), typed).status_code == 302
    attempt.refresh_from_db()
    assert attempt.submitted and 0 < attempt.score < 1
    assert set(attempt.results) == set(typed)
    assert attempt.results[wrong]["correct"] is False
    rows = GradedAnswer.objects.filter(attempt=attempt)
    assert rows.count() == len(typed)
    assert rows.get(part=wrong.split("-", 1)[1], template=attempt.questions[
        int(wrong.split("-")[0][1:])]["slug"]).diagnosis != "correct"
    html = enrolled_client.get(url).content.decode()
    assert "Not quite." in html and "Worked solution" in html and "Correct." in html
    # Submitted answers are final.
    assert enrolled_client.post(submit_url(url), typed).status_code == 409


def test_nobody_else_can_read_or_change_an_attempt(enrolled_client, other_learner, course):
    url = started_attempt(enrolled_client, GRADED)
    intruder = Client()
    intruder.force_login(other_learner)
    field = sheet.field_names(sheet.variants(attempt_of(url).questions))[0]
    assert intruder.get(url).status_code == 404
    assert intruder.post(url + "save/", {field: "1"}).status_code == 404
    assert intruder.post(submit_url(url), {field: "1"}).status_code == 404
    assert Client().get(url).status_code == 404  # visitors neither
    attempt = attempt_of(url)
    assert attempt.drafts == {} and not attempt.submitted


# --- completion and certificate --------------------------------------------------------------

def pass_every_graded_quiz(client: Client) -> None:
    for item in ModuleItem.objects.filter(kind="graded-quiz"):
        url = started_attempt(client, item.slug)
        client.post(submit_url(url), answers(attempt_of(url).questions, right=True))


def test_completion_and_a_public_certificate(learner, enrolled_client, course):
    issue = reverse("quizzes:issue_certificate")
    page = enrolled_client.get(reverse("quizzes:completion")).content.decode()
    assert "every graded quiz and programming assignment" in page and "not attempted" in page
    assert enrolled_client.post(issue).status_code == 403
    pass_every_graded_quiz(enrolled_client)
    assert enrolled_client.post(issue).status_code == 403  # the assignments are not done yet
    for item in ModuleItem.objects.filter(kind="assignment"):
        graded(learner, {"public": (1, 1), "hidden": (1, 1)}, assignment_for(item))
    assert "Get your certificate" in enrolled_client.get(reverse("quizzes:completion")
                                                         ).content.decode()
    response = enrolled_client.post(issue)
    certificate = Certificate.objects.get(learner=learner)
    assert response.url == certificate.get_absolute_url() and len(certificate.code) >= 20
    assert enrolled_client.post(issue).url == response.url  # issued once
    public = Client().get(certificate.get_absolute_url())
    assert public.status_code == 200 and "ada" in public.content.decode()
    assert Client().get(reverse("quizzes:certificate", args=["guess"])).status_code == 404


def test_completion_needs_login(client, course):
    response = client.get(reverse("quizzes:completion"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_best_attempt_counts(learner, enrolled_client, course):
    item = quiz(GRADED)
    url = started_attempt(enrolled_client, GRADED)
    enrolled_client.post(submit_url(url), answers(attempt_of(url).questions, right=True))
    url = started_attempt(enrolled_client, GRADED)
    enrolled_client.post(submit_url(url), answers(attempt_of(url).questions, right=False))
    page = enrolled_client.get(reverse("quizzes:completion")).content.decode()
    assert "100%" in page and item.title in page


def test_activity_page_links_to_its_quiz_and_other_items_are_not_quizzes(client, course):
    item = quiz(PRACTICE)
    quiz_url = reverse("quizzes:quiz", args=[item.module.slug, item.slug])
    assert quiz_url in client.get(item.get_absolute_url()).content.decode()
    assert client.get(quiz_url).status_code == 200
    lab = ModuleItem.objects.filter(kind="lab").select_related("module").first()
    assert client.get(reverse("quizzes:quiz", args=[lab.module.slug, lab.slug])
                      ).status_code == 404


def test_other_learners_see_no_one_elses_attempts_on_the_quiz_page(enrolled_client, course):
    started_attempt(enrolled_client, GRADED)
    someone = Client()
    someone.force_login(make_user("linus"))
    item = quiz(GRADED)
    page = someone.get(reverse("quizzes:quiz", args=[item.module.slug, item.slug]))
    assert "Your attempts" not in page.content.decode()


def test_submissions_are_rate_limited_and_keep_the_answers(enrolled_client, course, settings):
    settings.API_RATES = {**settings.API_RATES, "submit": "1/min"}
    first = started_attempt(enrolled_client, PRACTICE)
    typed = answers(attempt_of(first).questions, right=True)
    assert enrolled_client.post(submit_url(first), typed).status_code == 302
    second = started_attempt(enrolled_client, PRACTICE)
    typed = answers(attempt_of(second).questions, right=True)
    response = enrolled_client.post(submit_url(second), typed)
    assert response.status_code == 429
    assert "wait a minute" in response.content.decode()
    attempt = attempt_of(second)
    assert not attempt.submitted and attempt.drafts == typed


def test_dashboard_shows_best_graded_scores(enrolled_client, course):
    before = enrolled_client.get(reverse("learning:dashboard")).content.decode()
    assert "Graded quizzes" in before and "not taken" in before
    url = started_attempt(enrolled_client, GRADED)
    typed = answers(attempt_of(url).questions, right=True)
    assert enrolled_client.post(submit_url(url), typed).status_code == 302
    after = enrolled_client.get(reverse("learning:dashboard")).content.decode()
    assert "100%" in after and "passed ✓" in after
    assert after.count("not taken") == before.count("not taken") - 1
