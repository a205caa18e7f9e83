"""The course's quizzes, labs and assignments (from the course map), by id.

Every id here is served by at least one template (a test checks it), so the question
bank covers the whole course.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Quiz:
    id: str
    module: int  # 0: beyond the course
    title: str
    graded: bool = False


QUIZZES: tuple[Quiz, ...] = (
    Quiz("m1-practice-matching-functions", 1, "Matching functions visually"),
    Quiz("m1-practice-derivative-graphs", 1, "Matching the graph of a function to its derivative"),
    Quiz("m1-practice-differentiate", 1, "Let's differentiate some functions"),
    Quiz("m1-practice-product-rule", 1, "Practising the product rule"),
    Quiz("m1-practice-chain-rule", 1, "Practising the chain rule"),
    Quiz("m1-graded-toolbox", 1, "Unleashing the toolbox", graded=True),
    Quiz("m2-practice-partial-derivatives", 2, "Partial differentiation"),
    Quiz("m2-practice-jacobian", 2, "Calculating the Jacobian"),
    Quiz("m2-practice-bigger-jacobians", 2, "Bigger Jacobians"),
    Quiz("m2-practice-hessians", 2, "Calculating Hessians"),
    Quiz("m2-graded-jacobians-hessians", 2, "Jacobians and Hessians", graded=True),
    Quiz("m2-lab-sandpit", 2, "The Sandpit (lab)"),
    Quiz("m3-practice-multivariate-chain-rule", 3, "Multivariate chain rule"),
    Quiz("m3-practice-neural-networks", 3, "Simple artificial neural networks"),
    Quiz("m3-practice-training-networks", 3, "Training neural networks"),
    Quiz("m3-assignment-backpropagation", 3, "Backpropagation", graded=True),
    Quiz("m4-practice-matching-approximations", 4, "Matching functions and approximations"),
    Quiz("m4-practice-applying-taylor", 4, "Applying the Taylor series"),
    Quiz("m4-practice-taylor-special-cases", 4, "Taylor series special cases"),
    Quiz("m4-practice-2d-taylor", 4, "2-D Taylor series"),
    Quiz("m4-graded-taylor", 4, "Taylor series assessment", graded=True),
    Quiz("m5-practice-newton-raphson", 5, "Newton–Raphson in one dimension"),
    Quiz("m5-practice-lagrange", 5, "Lagrange multipliers"),
    Quiz("m5-graded-checking-newton", 5, "Checking Newton–Raphson", graded=True),
    Quiz("m5-graded-optimisation-scenarios", 5, "Optimisation scenarios", graded=True),
    Quiz("m5-lab-gradient-descent", 5, "Gradient descent in a sandpit (lab)"),
    Quiz("m6-practice-linear-regression", 6, "Linear regression"),
    Quiz("m6-practice-nonlinear-fitting", 6, "Fitting a non-linear function"),
    Quiz("m6-assignment-height-data", 6, "Fitting the distribution of height data", graded=True),
    Quiz("beyond-taylor", 0, "Taylor series in depth"),
    Quiz("beyond-lagrange", 0, "Lagrange multipliers in depth"),
    Quiz("beyond-integration", 0, "Integration for machine learning"),
    Quiz("beyond-autodiff", 0, "Automatic differentiation"),
)

QUIZ_IDS = frozenset(q.id for q in QUIZZES)
MODULE_TITLES = {
    1: "What is calculus?", 2: "Multivariate calculus",
    3: "Multivariate chain rule and its applications", 4: "Taylor series and linearisation",
    5: "Intro to optimisation", 6: "Regression", 0: "Beyond the course",
}
