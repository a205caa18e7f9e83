"""The fresh-variant pool in the web app: "practise now" and practice quizzes serve pooled
variants (fresh seeds, each once, then reused from the cache by the page and the check),
fall back to their own seeds when the pool is empty, and the server wiring starts the pool
only when the setting allows, refilling between requests."""

from __future__ import annotations

import gc
import itertools

import pytest
from django.core.signals import request_finished, request_started
from django.urls import reverse
from django.utils import timezone

from nablalab.adaptive.planner import next_target, templates_for
from nablalab.assess.questions import get_template
from nablalab.assess.questions.pool import (
    POOLED_PER_TEMPLATE,
    SEED_RANGE,
    VARIANTS,
    FreshPool,
)
from nablalab.web import variant_pool
from nablalab.web.mastery import practise
from nablalab.web.mastery.practise import SESSION_KEY
from nablalab.web.quizzes import catalogue, sheet, store

from .quizzes.test_views import PRACTICE, answers, attempt_of, started_attempt

pytestmark = pytest.mark.django_db
POOLED_SEEDS = SEED_RANGE  # the test pool counts up from here, beyond any planner seed
SETTLE = 60.0
QUICK = ("autodiff-cost", "taylor-order-needed")


@pytest.fixture
def test_pool():
    seeds = itertools.count(POOLED_SEEDS)
    pool = FreshPool(VARIANTS, per_template=3, seeds=lambda: next(seeds))
    yield pool
    pool.stop(timeout=SETTLE)


def test_practise_now_serves_a_pooled_variant_and_checks_against_it(learner_client,
                                                                    test_pool, monkeypatch):
    monkeypatch.setattr(practise, "POOL", test_pool)
    first = next_target({}, timezone.now()).skill  # a new learner's first skill
    slugs = [t.slug for t in templates_for(first)]
    test_pool.start(slugs)
    assert test_pool.wait_until_idle(SETTLE)

    assert learner_client.get(reverse("mastery:practise")).status_code == 200
    stored = learner_client.session[SESSION_KEY]
    assert stored["template"] in slugs and stored["seed"] >= POOLED_SEEDS
    assert (stored["template"], stored["seed"]) in VARIANTS

    variant = practise.generate(stored["template"], stored["seed"])
    right = answers([{"slug": variant.slug, "seed": variant.seed}], right=True)
    assert learner_client.post(reverse("mastery:answer"), right).status_code == 302
    results = learner_client.session[SESSION_KEY]["results"]
    assert results and all(r["correct"] for r in results.values())
    assert test_pool.wait_until_idle(SETTLE) and test_pool.ready(stored["template"]) == 3


def test_practise_now_uses_the_planners_seed_when_the_pool_is_empty(learner_client):
    assert learner_client.get(reverse("mastery:practise")).status_code == 200
    stored = learner_client.session[SESSION_KEY]
    assert stored["seed"] < POOLED_SEEDS and not practise.POOL.running


def test_a_practice_quiz_takes_each_pooled_variant_once(client, test_pool, monkeypatch):
    monkeypatch.setattr(store, "POOL", test_pool)
    quiz_id = catalogue.quiz_id_for(PRACTICE)
    test_pool.start(t.slug for t in catalogue.templates_for(quiz_id))
    assert test_pool.wait_until_idle(SETTLE)

    url = started_attempt(client, PRACTICE)
    questions = client.session[store.SESSION_KEY][url.rstrip("/").rsplit("/", 1)[-1]][
        "questions"]
    seeds = [q["seed"] for q in questions]
    assert len(seeds) == catalogue.question_count(quiz_id) == len(set(seeds))
    assert all(seed >= POOLED_SEEDS for seed in seeds)
    assert all((q["slug"], q["seed"]) in VARIANTS for q in questions)
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert all(f'name="{name}"' in html for name in sheet.field_names(sheet.variants(questions)))


def test_a_signed_in_practice_attempt_is_graded_against_its_pooled_variants(
        learner_client, test_pool, monkeypatch):
    monkeypatch.setattr(store, "POOL", test_pool)
    test_pool.start(t.slug for t in catalogue.templates_for(catalogue.quiz_id_for(PRACTICE)))
    assert test_pool.wait_until_idle(SETTLE)
    url = started_attempt(learner_client, PRACTICE)
    attempt = attempt_of(url)
    assert all(q["seed"] >= POOLED_SEEDS for q in attempt.questions)
    response = learner_client.post(reverse("quizzes:submit", args=[attempt.public_id]),
                                   answers(attempt.questions, right=True))
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.score == 1.0


def test_the_pool_only_replaces_seeds_in_a_quiz_draw():
    quiz_id = catalogue.quiz_id_for(PRACTICE)
    seeded = catalogue.draw_questions(quiz_id, 42)
    assert catalogue.draw_questions(quiz_id, 42) == seeded  # no pool: as before
    ready = get_template(seeded[0]["slug"]).generate(7)
    pooled = catalogue.draw_questions(
        quiz_id, 42, pooled=lambda slug: ready if slug == ready.slug else None)
    assert [q["slug"] for q in pooled] == [q["slug"] for q in seeded]
    assert [q["seed"] for q in pooled] == [7 if q["slug"] == ready.slug else q["seed"]
                                           for q in seeded]


def test_every_practice_quiz_can_come_whole_from_the_pool():
    sizes = variant_pool.pool_sizes()
    for quiz_id in set(catalogue.ITEM_QUIZZES.values()):
        drawn = catalogue.draw_questions(quiz_id, 5)
        asked = {slug: [q["slug"] for q in drawn].count(slug) for slug in
                 {q["slug"] for q in drawn}}
        assert all(count <= sizes.get(slug, POOLED_PER_TEMPLATE)
                   for slug, count in asked.items()), quiz_id


def test_the_setting_keeps_the_pool_stopped(settings, test_pool, monkeypatch):
    monkeypatch.setattr(variant_pool, "POOL", test_pool)
    settings.VARIANT_POOL = False
    assert variant_pool.start_pool() is False and not test_pool.running


def test_start_pool_warms_in_the_background_and_refills_between_requests(
        settings, client, monkeypatch):
    pool = FreshPool(VARIANTS, per_template=1, patience=SETTLE)
    monkeypatch.setattr(variant_pool, "POOL", pool)
    monkeypatch.setattr(variant_pool, "all_templates",
                        lambda: tuple(get_template(slug) for slug in QUICK))
    monkeypatch.setattr(variant_pool, "pool_sizes", dict)
    freezes: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: freezes.append(True))  # not in the test run
    settings.VARIANT_POOL = True
    seen: dict[str, bool] = {}

    def while_serving(**_kwargs) -> None:  # runs after the pool's own request_started hook
        assert pool.take(QUICK[0]) is not None
        seen["refilled while serving"] = pool.wait_until_idle(0.3)

    try:
        assert variant_pool.start_pool() is True and pool.running
        assert pool.wait_until_idle(SETTLE) and [pool.ready(s) for s in QUICK] == [1, 1]
        assert freezes == [True]  # once warm, the long-lived objects leave the collector
        request_started.connect(while_serving, dispatch_uid="test-while-serving")
        assert client.get(reverse("catalog:course")).status_code == 200
        assert seen == {"refilled while serving": False}
        # Released at the request's end: the refill runs at once, without the patience.
        assert pool.wait_until_idle(SETTLE / 4) and pool.ready(QUICK[0]) == 1
        assert freezes == [True]  # not again for a refill
    finally:
        request_started.disconnect(dispatch_uid="test-while-serving")
        request_started.disconnect(dispatch_uid="nablalab-variant-pool-hold")
        request_finished.disconnect(dispatch_uid="nablalab-variant-pool-release")
        pool.stop(timeout=SETTLE)
