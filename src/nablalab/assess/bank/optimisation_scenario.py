"""Choosing a method for a described optimisation problem."""

from __future__ import annotations

from ..questions import Option, Question, Rng, Solution, Template, choice_part

METHODS = {
    "newton": "Newton–Raphson on f'(x) = 0 (or on f(x) = 0)",
    "descent": "gradient descent",
    "lagrange": "Lagrange multipliers",
    "least-squares": "least-squares fitting (χ² minimisation)",
}
SCENARIOS = (
    ("Find where a smooth, cheap function of one variable crosses zero, starting close to "
     "the root.", "newton", "Newton–Raphson converges quadratically near a simple root."),
    ("Minimise a cost over a million neural-network weights, where only the gradient is "
     "affordable.", "descent", "With so many variables the Hessian is unaffordable: follow "
     "-∇C."),
    ("Maximise the area of a fence enclosure whose perimeter must equal 100 m.", "lagrange",
     "An objective with an equality constraint: ∇f = λ∇g."),
    ("Choose m and c so a straight line best matches 50 noisy measurements.",
     "least-squares", "Best match to data means minimising χ² = Σ (y - (mx + c))²/σ²."),
    ("Find the point on the curve x² + 3(y+1)² = 1 where exp(-(2x² + y² - xy)/2) is "
     "largest.", "lagrange", "A function on a constraint curve: Lagrange multipliers."),
    ("Fit the mean and width of a Gaussian to a histogram of heights.", "least-squares",
     "Fitting a model's parameters to data: minimise χ²."),
)


def build(rng: Rng) -> Question:
    text, method, reason = rng.choice(SCENARIOS)
    options = [Option(label, key == method, "" if key == method else
                      f"Not the best fit here. {reason}", f"said-{key}")
               for key, label in METHODS.items()]
    part = choice_part(rng, options, label="method")
    prompt = f"Which method suits this problem best? {text}"
    hints = ("Is there a constraint? Is there data to match? How many variables?",)
    return Question(prompt, (part,), Solution((reason,)), hints, {"scenario": text})


TEMPLATE = Template(
    slug="optimisation-scenario", title="Optimisation scenarios", module=5,
    topic="optimisation", quizzes=("m5-graded-optimisation-scenarios",),
    skills=("choosing a method",), build=build)
