"""The learner model over time (explicit timestamps, never sleeping): FSRS brings a forgotten
skill back, "practise now" takes the weakest prerequisite first, new skills open in order,
and questions come from templates that exercise the skill, with fresh seeds."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from nablalab.adaptive import (
    MASTERY,
    BKTParams,
    Evidence,
    SkillState,
    Status,
    next_question,
    record,
    skill_map,
    templates_for,
)
from nablalab.adaptive.learner import from_dict, interval, to_dict
from nablalab.adaptive.planner import needing_work, next_target

from .simulated import SimulatedLearner

START = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def answered(profile, skill, scores, at):
    for score in scores:
        profile = {**profile, **record(profile, [Evidence(skill, score)], at)}
        at += timedelta(minutes=3)
    return profile


def mastered(skills, at=START):
    profile = {}
    for skill in skills:
        profile = answered(profile, skill, [1, 1, 1, 1], at)
    return profile


def test_a_new_learner_starts_at_a_root_of_the_map():
    target = next_target({}, START)
    assert not skill_map()[target.skill].prerequisites
    assert target.reason.startswith("new")


def test_states_move_from_not_started_through_in_progress_to_mastered():
    state = SkillState.new("chain rule")
    assert state.status(START) == Status.NOT_STARTED
    state = state.observe(Evidence("chain rule", 1.0), START)
    assert state.status(START) == Status.IN_PROGRESS
    for _ in range(2):
        state = state.observe(Evidence("chain rule", 1.0), START)
    assert state.p_known >= MASTERY and state.status(START) == Status.MASTERED


def test_the_scheduler_brings_a_forgotten_skill_back():
    """A simulated learner masters the power rule, then forgets it. FSRS schedules a review;
    until then the skill is left alone, when due it is served again, and the lapse (a wrong
    answer) shortens the next interval so it comes back sooner."""
    rng = random.Random(5)
    learner = SimulatedLearner(BKTParams(prior=1, learn=0, slip=0, guess=0), rng, known=True)
    profile = answered({}, "power rule", [learner.answer() for _ in range(3)], START)
    state = profile["power rule"]
    assert state.status(START) == Status.MASTERED
    first_gap = interval(state)
    assert first_gap >= timedelta(days=1)

    before_due = state.due - timedelta(hours=1)
    assert state.status(before_due) == Status.MASTERED
    assert all(t.skill != "power rule" for t in needing_work(profile, before_due))

    after_due = state.due + timedelta(hours=1)
    assert state.status(after_due) == Status.NEEDS_REVIEW
    pick = next_question(profile, after_due, random.Random(1))
    assert pick.target.skill == "power rule" and pick.target.reason == "due for review"
    assert "power rule" in {s for s in _template_skills(pick.template)}

    learner.known = False  # forgotten: answers now wrong
    lapsed = answered(profile, "power rule", [learner.answer()], after_due)["power rule"]
    assert lapsed.p_known < MASTERY
    assert interval(lapsed) < first_gap
    assert lapsed.status(after_due) == Status.IN_PROGRESS
    lapsed_profile = {**profile, "power rule": lapsed}
    assert next_target(lapsed_profile, after_due).skill == "power rule"

    relearned = answered(lapsed_profile, "power rule", [1, 1, 1, 1], after_due)["power rule"]
    assert relearned.status(after_due) == Status.MASTERED


def test_intervals_grow_with_successful_reviews():
    profile = mastered(["power rule"])
    gaps = [interval(profile["power rule"])]
    for _ in range(3):
        due = profile["power rule"].due
        profile = answered(profile, "power rule", [1], due)
        gaps.append(interval(profile["power rule"]))
    assert gaps == sorted(gaps) and gaps[-1] > 2 * gaps[0]


def test_the_weakest_prerequisite_comes_first():
    profile = mastered(["rise over run", "definition of derivative", "special functions"])
    profile = answered(profile, "power rule", [1, 0], START)         # in progress, weak-ish
    profile = answered(profile, "chain rule", [0, 0, 1], START)      # in progress
    target = next_target(profile, START)
    assert target.skill == "power rule"
    assert target.reason == "a prerequisite of Chain rule that needs work"


def test_weakest_skill_first_among_unrelated_ones():
    profile = answered({}, "matrix product", [1, 1], START)
    profile = answered(profile, "reading graphs", [0, 0], START)
    order = [t.skill for t in needing_work(profile, START)]
    assert order == ["reading graphs", "matrix product"]


def test_new_skills_open_when_their_prerequisites_are_mastered():
    roots = [s.id for s in skill_map() if not s.prerequisites]
    profile = mastered(roots)
    target = next_target(profile, START + timedelta(minutes=30))
    assert target.skill == "definition of derivative"
    everything = mastered([s.id for s in skill_map()])
    assert next_target(everything, START + timedelta(hours=1)).reason.startswith("extra")


def test_questions_exercise_the_skill_with_fresh_seeds_and_few_distractions():
    rng = random.Random(3)
    profile = answered({}, "chain rule", [0], START)
    picks = [next_question(profile, START, rng) for _ in range(20)]
    assert {p.target.skill for p in picks} == {"chain rule"}
    assert len({p.seed for p in picks}) == 20
    allowed = skill_map().ancestors("chain rule") | {"chain rule"}
    for pick in picks:  # single-skill chain-rule templates exist: nothing further on
        assert set(_template_skills(pick.template)) <= allowed
    avoided = next_question(profile, START, rng, avoid={p.template for p in picks[:1]})
    assert avoided.template != picks[0].template or len(templates_for("chain rule")) == 1


def test_profile_entries_survive_a_round_trip_through_json():
    state = mastered(["power rule"])["power rule"]
    again = from_dict(to_dict(state))
    assert again == state or (to_dict(again) == to_dict(state))
    assert again.status(START) == state.status(START) and again.due == state.due


def _template_skills(slug):
    from nablalab.assess.questions import get_template
    return get_template(slug).skills
