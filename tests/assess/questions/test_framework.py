"""The framework around the templates: registry look-ups, grading a variant, dropping
mistakes that coincide with the answer, LaTeX extraction."""

from __future__ import annotations

import dataclasses

import pytest
import sympy as sp

from nablalab.assess.questions import (
    Mistake,
    Part,
    find_templates,
    get_template,
    grade_variant,
)
from nablalab.assess.questions.distinct import distinct_mistakes
from nablalab.assess.questions.latex import math_snippets, unbalanced
from nablalab.assess.result import Diagnosis
from nablalab.mathinput import symbol

x = symbol("x")


def test_find_templates_by_module_quiz_skill_and_slug() -> None:
    assert {t.module for t in find_templates("m3")} == {3}
    assert find_templates("beyond") and all(t.module == 0 for t in find_templates("beyond"))
    assert all("m1-practice-chain-rule" in t.quizzes
               for t in find_templates("m1-practice-chain-rule"))
    assert all("hessian" in t.skills or t.topic == "hessian" for t in find_templates("hessian"))
    assert find_templates("power-rule") == (get_template("power-rule"),)
    with pytest.raises(KeyError):
        get_template("no-such-template")


def test_grade_variant_scores_parts_and_total() -> None:
    variant = get_template("jacobian-polar").generate(1)
    jacobian, determinant = variant.parts
    result = grade_variant(variant, {"jacobian": jacobian.typed(),
                                     "determinant": determinant.typed(
                                         determinant.mistakes[0].value)})
    assert result.parts["jacobian"].correct
    assert result.parts["determinant"].diagnosis is Diagnosis.DECLARED_MISTAKE
    assert result.score == pytest.approx(0.5)
    assert not result.correct
    unanswered = grade_variant(variant, {})
    assert unanswered.score == 0 and not unanswered.parts["jacobian"].valid
    with pytest.raises(KeyError):
        grade_variant(variant, {"nonsense": "1"})


def test_mistakes_equal_to_the_answer_or_each_other_are_dropped() -> None:
    part = Part("d", "expression", 2 * x, variables=("x",), mistakes=(
        Mistake("same-as-answer", x + x, "never shown"),
        Mistake("real", x, "a real mistake"),
        Mistake("duplicate", 2 * x / 2, "duplicate of the previous"),
    ))
    assert [m.name for m in distinct_mistakes(part)] == ["real"]
    number = Part("n", "number", sp.Rational(1, 3), options={"decimal_places": 2}, mistakes=(
        Mistake("rounded", sp.Float(0.333), "inside the tolerance"),
        Mistake("far", sp.Rational(1, 2), "outside"),
    ))
    assert [m.name for m in distinct_mistakes(number)] == ["far"]


def test_generated_parts_have_only_distinct_mistakes() -> None:
    variant = get_template("chain-rule-power").generate(0)
    for part in variant.parts:
        assert distinct_mistakes(part) == part.mistakes
        assert dataclasses.replace(part).mistakes == part.mistakes


def test_math_snippets_and_brace_check() -> None:
    text = r"Let $f = x^{2}$ and $$\frac{a}{b}$$ cost \$5."
    assert math_snippets(text) == ["f = x^{2}", r"\frac{a}{b}"]
    assert unbalanced(r"\frac{a}{b") == "1 '{' never closed"
    assert unbalanced(r"a}") is not None
    assert unbalanced(r"\{x\}") is None
