"""The skills a lesson's "try it" question exercises. Try-its live in the course text, which
carries no skill tags, so the table is here; a try-it missing from it is matched by the skill
named in its id ("chain-rule-of-sin" -> chain rule), else it is no evidence (evaluating or
composing functions, say, is algebra the skill map does not track)."""

from __future__ import annotations

from .skills import skill_map

_TAYLOR = ("taylor coefficient",)
_ABOUT_A_POINT = ("taylor coefficient", "expansion point")
_LINEAR = ("linearisation",)
_SERIES = ("power series",)
_TAYLOR_2D = ("multivariate taylor",)
_LAGRANGE = ("lagrange system",)

TRY_IT_SKILLS: dict[str, tuple[str, ...]] = {
    "m1-rise-over-run-line": ("rise over run",),
    "m1-rise-over-run-chord": ("rise over run",),
    "m1-definition-polynomial": ("power rule", "sum rule"),
    "m1-definition-sqrt": ("power rule",),
    "m1-special-second-derivative": ("second derivative", "special functions"),
    "m1-special-antiderivative": ("antiderivative",),
    "product-rule-x2-sin": ("product rule", "special functions"),
    "m1-chain-sin-cubed": ("chain rule", "special functions"),
    "m1-chain-exp-sin": ("chain rule",),
    "m1-beast-at-pi": ("product rule", "evaluate derivative"),
    "m1-beast-logistic": ("quotient rule", "chain rule"),
    "m2-context-line-slope": ("partial derivative",),
    "m2-context-can-radius-height": ("partial derivative",),
    "partial-x-of-x2y-sin": ("partial derivative",),
    "gradient-of-x2y": ("gradient", "partial derivative"),
    "m2-partial-product-chain": ("partial derivative", "product rule", "chain rule"),
    "m2-jacobian-vector": ("jacobian", "partial derivative"),
    "m2-jacobian-steepness": ("gradient",),
    "taylor-second-order-sqrt-at-1": _ABOUT_A_POINT,
    "taylor-first-order-exp-2x": _LINEAR,
    "maclaurin-exp-x-squared": _SERIES,
    "maclaurin-sin-cubic": _TAYLOR,
    "taylor-ln-about-10": _ABOUT_A_POINT,
    "taylor-one-over-x-about-4": _ABOUT_A_POINT,
    "radius-two-over-x2-minus-x-about-3": _SERIES,
    "taylor-two-over-x2-minus-x-first-order": _LINEAR,
    "taylor-sqrt-4-minus-x-second-order": _TAYLOR,
    "general-term-one-over-one-minus-x-squared": ("power series", "taylor coefficient"),
    "linearise-cos-at-pi-over-3": _LINEAR,
    "linearise-sqrt-9-point-2": _LINEAR,
    "taylor-2d-first-order-course": ("multivariate taylor", "linearisation"),
    "taylor-2d-second-order-exp-xy": _TAYLOR_2D,
    "remainder-bound-cos": ("approximation order",),
    "remainder-bound-exp-order": ("approximation order",),
    "radius-simple-pole": _SERIES,
    "radius-hidden-singularity": _SERIES,
    "multivariate-taylor-coefficient": _TAYLOR_2D,
    "multivariate-taylor-second-order": _TAYLOR_2D,
    "two-constraints-point": _LAGRANGE,
    "two-constraints-multiplier": _LAGRANGE,
    "bordered-hessian-determinant": ("lagrange system", "hessian"),
    "bordered-hessian-maximum": ("lagrange system", "hessian"),
    "kkt-active-point": _LAGRANGE,
    "kkt-multiplier": _LAGRANGE,
}


def try_it_skills(question_id: str) -> tuple[str, ...]:
    if question_id in TRY_IT_SKILLS:
        return TRY_IT_SKILLS[question_id]
    return tuple(skill.id for skill in skill_map() if skill.slug in question_id)
