"""The mastery app through Django's client: every kind of answer updates the learner's own
skills (practise now, quizzes, signed-in try-its), the dashboard map shows them, and the
class page is for staff only."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from nablalab.adaptive import MASTERY, Evidence, skill_map
from nablalab.web.mastery.models import Observation, ReviewCard, SkillMastery
from nablalab.web.mastery.practise import SESSION_KEY, generate
from nablalab.web.mastery.store import record_evidence
from nablalab.web.quizzes import sheet
from tests.web.api.conftest import post_json

from ..conftest import make_user
from ..quizzes.test_views import answers, attempt_of, started_attempt, submit_url

pytestmark = pytest.mark.django_db
PRACTISE = reverse("mastery:practise")


def shown(client: Client):
    stored = client.session[SESSION_KEY]
    return generate(stored["template"], stored["seed"]), stored


def typed(variant, *, right: bool) -> dict[str, str]:
    return answers([{"slug": variant.slug, "seed": variant.seed}], right=right)


def test_practise_now_needs_a_signed_in_learner(client):
    response = client.get(PRACTISE)
    assert response.status_code == 302 and "login" in response.url


def test_a_new_learner_practises_a_foundation_and_sees_the_estimate_move(learner_client,
                                                                          learner):
    page = learner_client.get(PRACTISE)
    assert page.status_code == 200
    variant, stored = shown(learner_client)
    assert stored["reason"].startswith("new")
    html = page.content.decode()
    assert "Practise now" in html and 'class="quiz-question"' in html
    assert learner_client.get(PRACTISE).content.decode().count(variant.title) >= 1
    assert shown(learner_client)[1]["seed"] == stored["seed"]  # a reload keeps the question

    response = learner_client.post(reverse("mastery:answer"), typed(variant, right=True))
    assert response.status_code == 302
    result = learner_client.get(PRACTISE).content.decode()
    assert "Your skills after this answer" in result and "→" in result
    rows = SkillMastery.objects.filter(learner=learner)
    assert rows.exists() and all(r.p_known > 0.2 for r in rows)
    assert set(Observation.objects.values_list("source", flat=True)) == {"practise now"}
    assert ReviewCard.objects.filter(learner=learner).count() == rows.count()

    learner_client.post(reverse("mastery:next"))
    following, again = shown(learner_client)
    assert again["results"] is None and again["recent"] == [variant.slug]
    assert (following.slug, following.seed) != (variant.slug, variant.seed)


def test_an_unreadable_answer_changes_nothing(learner_client, learner):
    learner_client.get(PRACTISE)
    variant, _ = shown(learner_client)
    text_parts = [p for p in variant.parts if p.kind != "choice"]
    if not text_parts:
        pytest.skip("the first skill's question happens to be multiple choice")
    field = sheet.field_name(0, text_parts[0].name)
    response = learner_client.post(reverse("mastery:answer"), {field: "x^("})
    assert response.status_code == 422
    assert not SkillMastery.objects.filter(learner=learner).exists()


def test_drafts_are_saved_for_the_question_on_the_page(learner_client):
    learner_client.get(PRACTISE)
    variant, _ = shown(learner_client)
    field = sheet.field_name(0, variant.parts[0].name)
    saved = learner_client.post(reverse("mastery:save"), {field: "2"})
    assert saved.json() == {"saved": True}
    assert shown(learner_client)[1]["drafts"] == {field: "2"}


def mistaken(questions) -> dict[str, str]:
    """Each box answered with its first foreseen mistake (or 0 where none is declared)."""
    typed = {}
    for index, variant in enumerate(sheet.variants(questions)):
        for part in variant.parts:
            wrong = part.typed(part.mistakes[0].value) if part.mistakes else "0"
            typed[sheet.field_name(index, part.name)] = wrong
    return typed


def test_a_submitted_quiz_updates_mastery_with_diagnosed_mistakes(learner_client, learner):
    url = started_attempt(learner_client, "practising-the-product-rule")
    attempt = attempt_of(url)
    assert learner_client.post(submit_url(url), mistaken(attempt.questions)).status_code == 302
    observations = Observation.objects.filter(learner=learner)
    assert set(observations.values_list("source", flat=True)) == {"practice quiz"}
    assert all(o.score < 1 for o in observations)
    diagnosed = observations.exclude(mistake="")
    assert diagnosed.exists()  # e.g. "one-term" against the product rule, not the others
    assert {o.skill for o in diagnosed} <= {"product rule", "chain rule", "special functions",
                                            "quotient rule", "evaluate derivative"}


def test_signed_in_try_its_count_and_visitors_leave_no_trace(client, learner_client, learner):
    post_json(client, "/api/check", {"question": "product-rule-x2-sin", "answer": "2x cos(x)"})
    assert not Observation.objects.exists()
    data = post_json(learner_client, "/api/check",
                     {"question": "product-rule-x2-sin", "answer": "2x cos(x)"}).json()
    assert data["diagnosis"] == "declared_mistake"
    observed = Observation.objects.filter(learner=learner)
    assert {(o.skill, o.score, o.source) for o in observed} == {
        ("product rule", 0.0, "try-it"), ("special functions", 0.0, "try-it")}


def test_the_dashboard_map_shows_the_learner_s_own_skills_only(enrolled_client, learner,
                                                               course):
    other = make_user("grace")
    record_evidence(other, [Evidence("chain rule", 1.0)] * 4, source="practise now")
    record_evidence(learner, [Evidence("power rule", 1.0)] * 4, source="practise now")
    record_evidence(learner, [Evidence("jacobian", 0.0)], source="practise now")
    html = enrolled_client.get(reverse("learning:dashboard")).content.decode()
    assert "<svg" in html and 'role="img"' in html and "Your skills as a list" in html
    status = dict(re.findall(r'id="skill-node-([\w-]+)" data-status="([a-z ]+)"', html))
    assert status["power-rule"] == "mastered"
    assert status["jacobian"] == "in progress"
    assert status["chain-rule"] == "not started"  # grace's mastery is hers alone
    assert html.count('class="skill-node') == len(skill_map())
    assert SkillMastery.objects.get(learner=learner, skill="power rule").p_known >= MASTERY


def test_the_class_page_is_for_staff_only(client, learner_client, staff_client):
    url = reverse("mastery:class")
    assert client.get(url).status_code == 302
    assert learner_client.get(url).status_code == 403
    assert staff_client.get(url).status_code == 200


def test_the_class_page_lists_weak_skills_mistakes_and_stuck_learners(staff_client):
    stuck = make_user("stuck")
    fine = make_user("fine")
    record_evidence(stuck, [Evidence("chain rule", 0.0, "forgot-inner")] * 7,
                    source="practise now")
    record_evidence(fine, [Evidence("chain rule", 1.0)] * 4, source="practise now")
    record_evidence(fine, [Evidence("hessian", 0.5)], source="practise now")
    stats = staff_client.get(reverse("mastery:class")).context["stats"]
    chain = next(r for r in stats.skills if r.name == "Chain rule")
    assert (chain.learners, chain.mastered, chain.in_progress) == (2, 1, 1)
    assert stats.wrong[0].name == "Chain rule" and stats.wrong[0].wrong == 7
    assert stats.wrong[0].diagnosed == 7 and stats.wrong[0].commonest_mistake == "forgot-inner"
    assert [(r.learner, r.skill) for r in stats.stuck] == [("stuck", "Chain rule")]
    html = staff_client.get(reverse("mastery:class")).content.decode()
    assert "Skill mastery" in html and 'aria-current="page"' in html
