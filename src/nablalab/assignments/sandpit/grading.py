"""Tests for the sandpit's step strategies, with one hidden case per branch of the hybrid."""

from __future__ import annotations

import numpy as np

from nablalab.assignments.catalog import reference_value
from nablalab.grader.spec import Assignment, Call, Close, Mistake, Test

GAMMA = 0.5
CLOSE = Close(rtol=1e-9, atol=1e-12, ravel=True)

# (f, J, H) cases: Newton step downhill and short; uphill (H not positive definite); too long.
SHORT = (1.2, np.array([0.4, -0.3]), np.array([[2.0, 0.3], [0.3, 1.5]]))
UPHILL = (0.7, np.array([0.5, 0.2]), np.array([[-1.0, 0.2], [0.2, -2.0]]))
LONG = (2.5, np.array([1.5, -1.0]), np.array([[0.4, 0.05], [0.05, 0.3]]))


def _newton(call: Call) -> np.ndarray:
    _, J, H = call.args
    return -np.linalg.inv(H) @ J


def _steepest(call: Call) -> np.ndarray:
    return -GAMMA * call.args[1]


DOWNHILL = Mistake("A descent step goes against the gradient: −γJ, not +γJ.",
                   lambda call, expected: -expected)
MISTAKES = {
    "steepest_step": [DOWNHILL,
                      Mistake("Use γ = 0.5 (GAMMA): the step is −0.5 J.",
                              lambda call, expected: -call.args[1])],
    "newton_step": [
        Mistake("The Newton step is −H⁻¹J, with the minus sign.", lambda call, e: -e),
        Mistake("The Newton step multiplies by the INVERSE Hessian: −H⁻¹J "
                "(np.linalg.solve(H, J)), not −H J.",
                lambda call, expected: -call.args[2] @ call.args[1]),
    ],
}
FALLBACKS = {
    "uphill": Mistake("Here the Newton step points uphill (J · step > 0): next_step must fall "
                      "back to −γJ.", lambda call, expected: _newton(call)),
    "long": Mistake("Here the Newton step is longer than 2: next_step must fall back to −γJ.",
                    lambda call, expected: _newton(call)),
    "short": Mistake("Here the Newton step is short and downhill: next_step must take it.",
                     lambda call, expected: _steepest(call)),
}


def tests() -> list[Test]:
    built = []
    for name in ("steepest_step", "newton_step"):
        for case, public in ((SHORT, True), (UPHILL, False)):
            call = Call(name, case)
            built.append(Test(f"{name} at J = {case[1].tolist()}", call, 1 if public else 2,
                              public, reference_value("sandpit", call), CLOSE, MISTAKES[name]))
    for label, case, public in (("short", SHORT, True), ("uphill", UPHILL, False),
                                ("long", LONG, False)):
        call = Call("next_step", case)
        built.append(Test(f"next_step when the Newton step is {label}", call,
                          1 if public else 2, public, reference_value("sandpit", call), CLOSE,
                          [FALLBACKS[label]]))
    return built


ASSIGNMENT = Assignment(
    name="sandpit",
    title="Gradient descent in a sandpit",
    functions=("steepest_step", "newton_step", "next_step"),
    given=("np", "GAMMA", "MAX_NEWTON_LENGTH"),
    tests=tests,
)
