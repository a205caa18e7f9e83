"""Forward or reverse mode? Passes needed for a Jacobian: one per input, or one per output."""

from __future__ import annotations

from ..questions import Mistake, Option, Part, Question, Rng, Solution, Template, choice_part

SCENARIOS = (
    ("the training loss of a network with {n} weights", (1000, 25000, 1000000), (1,)),
    ("a simulation with {n} physical parameters and {m} measured outputs", (2, 3, 4),
     (50, 200, 1000)),
    ("a layer mapping {n} inputs to {m} outputs", (8, 64, 256), (4, 16, 512)),
)


def build(rng: Rng) -> Question:
    text, inputs, outputs = rng.choice(SCENARIOS)
    n, m = rng.choice(inputs), rng.choice(outputs)
    if n == m:
        m *= 2
    cheaper = "forward mode" if n < m else "reverse mode"
    options = [Option(mode, mode == cheaper, "" if mode == cheaper else
                      f"Forward mode needs one pass per input ({n}), reverse mode one per output "
                      f"({m}): pick the smaller.", f"said-{mode.split()[0]}")
               for mode in ("forward mode", "reverse mode")]
    parts = (
        Part("forward", "number", n, label="forward-mode passes", mistakes=(
            Mistake("swapped-forward", m, "A forward pass gives one column of J (a JVP): "
                    "one pass per input."),)),
        Part("reverse", "number", m, label="reverse-mode passes", mistakes=(
            Mistake("swapped-reverse", n, "A reverse pass gives one row of J (a VJP): one "
                    "pass per output."),)),
        choice_part(rng, options, name="mode", label="the cheaper mode"),
    )
    steps = (f"The Jacobian is ${m} \\times {n}$ (outputs × inputs).",
             f"Forward mode: one column per pass, so ${n}$ passes. Reverse mode: one row per "
             f"pass, so ${m}$ pass{'es' if m > 1 else ''}.",
             f"Each pass costs a few evaluations of the function, so {cheaper} is cheaper.")
    prompt = (f"The full Jacobian of {text.format(n=n, m=m)} ({n} inputs, {m} output"
              f"{'s' if m > 1 else ''}) is wanted by automatic differentiation. How many passes "
              "does forward mode need, how many does reverse mode need, and which is cheaper?")
    hints = ("Forward mode computes $J\\mathbf v$: one column of $J$ per pass.",
             "Reverse mode computes $\\mathbf u^{\\mathsf T} J$: one row per pass.")
    return Question(prompt, parts, Solution(steps), hints, {"n": n, "m": m})


TEMPLATE = Template(
    slug="autodiff-cost", title="Forward or reverse mode?", module=0,
    topic="automatic differentiation", quizzes=("beyond-autodiff",),
    skills=("forward mode", "reverse mode", "computational cost"), build=build)
