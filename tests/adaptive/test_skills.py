"""The skill map against the question bank and the course's try-it questions."""

from __future__ import annotations

import pytest

from nablalab.adaptive import Skill, SkillMap, skill_map, try_it_skills
from nablalab.adaptive.evidence import DIAGNOSIS_SKILLS, MISTAKE_SKILLS, TEMPLATE_MISTAKE_SKILLS
from nablalab.adaptive.tryits import TRY_IT_SKILLS
from nablalab.assess.questions import all_templates, get_template
from nablalab.course import load_course


def test_every_template_skill_is_a_node_and_every_node_is_exercised():
    tags = {skill for template in all_templates() for skill in template.skills}
    assert tags == set(skill_map().skills)


def test_the_map_is_acyclic_and_prerequisites_come_first():
    skills = skill_map()
    assert len(skills.order) == len(skills)
    for pre, skill in skills.edges():
        assert skills.rank[pre] < skills.rank[skill]
        assert skill not in skills.ancestors(pre)


def test_a_cycle_or_an_unknown_prerequisite_is_refused():
    with pytest.raises(ValueError, match="cycle"):
        SkillMap([Skill("a", "A", "a", ("b",)), Skill("b", "B", "b", ("a",))])
    with pytest.raises(ValueError, match="unknown prerequisites"):
        SkillMap([Skill("a", "A", "a", ("nowhere",))])


def test_skills_have_names_descriptions_and_sensible_prerequisites():
    skills = skill_map()
    for skill in skills:
        assert skill.name and skill.description.endswith(".")
    assert {"power rule", "special functions"} <= skills.ancestors("chain rule")
    assert "jacobian" in skills.ancestors("backpropagation")
    assert skills.depth()["rise over run"] == 0
    assert skills.depth()["backpropagation"] > skills.depth()["multivariate chain rule"]


def test_mistakes_and_diagnoses_point_at_real_skills():
    pointed = {*MISTAKE_SKILLS.values(), *TEMPLATE_MISTAKE_SKILLS.values(),
               *DIAGNOSIS_SKILLS.values()}
    assert pointed <= set(skill_map().skills)
    for slug, _name in TEMPLATE_MISTAKE_SKILLS:
        get_template(slug)  # raises for a template that does not exist


def test_try_its_map_to_known_skills():
    found = load_course().try_its()
    assert set(TRY_IT_SKILLS) <= set(found), "the table names try-its the course lacks"
    for question_id in found:
        assert set(try_it_skills(question_id)) <= set(skill_map().skills), question_id
    assert try_it_skills("m1-chain-exp-sin") == ("chain rule",)
    assert try_it_skills("chain-rule-of-sin-squared") == ("chain rule",)
    assert try_it_skills("no-such-thing") == ()
