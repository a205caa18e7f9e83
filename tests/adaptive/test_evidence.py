"""From checked answers to skill evidence: diagnosed mistakes count against the skill they
reveal, partial credit passes through, unreadable answers are no evidence."""

from __future__ import annotations

from nablalab.adaptive import Evidence, PartOutcome, skill_evidence, variant_outcomes
from nablalab.assess.questions import get_template


def test_a_right_answer_is_evidence_for_every_tagged_skill():
    evidence = skill_evidence("taming-a-beast", ("product rule", "chain rule"),
                              [PartOutcome(True, 1.0, "correct")])
    assert evidence == [Evidence("product rule", 1.0), Evidence("chain rule", 1.0)]


def test_a_diagnosed_mistake_counts_against_the_skill_it_reveals_only():
    evidence = skill_evidence("product-rule-power-trig", ("product rule", "special functions"),
                              [PartOutcome(True, 0.0, "declared_mistake", "forgot-inner")])
    assert evidence == [Evidence("chain rule", 0.0, "forgot-inner")]


def test_a_template_can_send_a_common_mistake_name_elsewhere():
    evidence = skill_evidence("total-derivative", ("total derivative",),
                              [PartOutcome(True, 0.0, "declared_mistake", "forgot-inner")])
    assert evidence == [Evidence("total derivative", 0.0, "forgot-inner")]


def test_generic_diagnoses_that_name_a_skill_and_those_that_do_not():
    wrong_variable = skill_evidence("power-rule", ("power rule",),
                                    [PartOutcome(True, 0.0, "wrong_variable")])
    assert wrong_variable == [Evidence("partial derivative", 0.0, "wrong_variable")]
    sign = skill_evidence("power-rule", ("power rule",), [PartOutcome(True, 0.0, "sign")])
    assert sign == [Evidence("power rule", 0.0)]


def test_parts_combine_by_weight_and_unreadable_parts_are_no_evidence():
    outcomes = [PartOutcome(True, 1.0, "correct", weight=3),
                PartOutcome(True, 0.0, "wrong", weight=1),
                PartOutcome(False, 0.0, "invalid")]
    assert skill_evidence("jacobian-matrix", ("jacobian",), outcomes) == [
        Evidence("jacobian", 0.75)]
    assert skill_evidence("jacobian-matrix", ("jacobian",),
                          [PartOutcome(False, 0.0, "invalid")]) == []


def test_mixed_parts_blame_the_revealed_skill_and_credit_the_rest():
    outcomes = [PartOutcome(True, 1.0, "correct"),
                PartOutcome(True, 0.0, "declared_mistake", "no-mixed")]
    evidence = skill_evidence("hessian-classify", ("hessian", "stationary point"), outcomes)
    assert Evidence("stationary point", 1.0) in evidence
    assert Evidence("hessian", 0.5, "no-mixed") in evidence


def test_a_real_variant_s_declared_mistake_is_recognised_by_its_feedback():
    variant = get_template("chain-rule-power").generate(11)
    part = variant.parts[0]
    forgot = next(m for m in part.mistakes if m.name == "forgot-inner")
    results = {part.name: part.check(part.typed(forgot.value)).to_dict()}
    outcomes = variant_outcomes(variant, results)
    assert outcomes == [PartOutcome(True, 0.0, "declared_mistake", "forgot-inner")]
    right = variant_outcomes(variant, {part.name: part.check(part.typed()).to_dict()})
    assert right == [PartOutcome(True, 1.0, "correct")]
