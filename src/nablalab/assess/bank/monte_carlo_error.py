"""The standard error of a Monte Carlo estimate, and the 1/sqrt(N) law."""

from __future__ import annotations

import sympy as sp

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ._derivative import x


def build(rng: Rng) -> Question:
    k = rng.integer(1, 3)
    samples = rng.choice([100, 400, 2500, 10000])
    f = x**k
    mean = sp.integrate(f, (x, 0, 1))
    second = sp.integrate(f**2, (x, 0, 1))
    variance = second - mean**2
    error = sp.sqrt(variance / samples)
    target = rng.choice([2, 5, 10])
    parts = (
        Part("variance", "number", variance, label="$\\operatorname{Var} f(U)$", mistakes=(
            Mistake("second-moment", second, "Subtract the squared mean: Var = E[f^2] - "
                    "(E[f])^2."),)),
        Part("error", "number", error, label=f"the standard error for $N = {samples}$",
             options={"significant_figures": 3}, mistakes=(
            Mistake("no-root", variance / samples, "The standard error is the square root: "
                    "sigma / sqrt(N)."),
            Mistake("n-not-root", sp.sqrt(variance) / samples, "Divide by sqrt(N), not N."),
        )),
        Part("samples", "number", samples * target**2,
             label=f"samples for an error {target} times smaller", mistakes=(
            Mistake("linear", samples * target, f"The error falls like 1/sqrt(N): dividing it by "
                    f"{target} needs {target}^2 times the samples."),)),
    )
    steps = (f"$\\mathbb E[f(U)] = \\int_0^1 {sp.latex(f)}\\,dx = {sp.latex(mean)}$ and "
             f"$\\mathbb E[f(U)^2] = \\int_0^1 {sp.latex(f**2)}\\,dx = {sp.latex(second)}$, so "
             f"$\\operatorname{{Var}} f(U) = {sp.latex(variance)}$.",
             f"Standard error $\\sigma/\\sqrt N = \\sqrt{{{sp.latex(variance)}/{samples}}} = "
             f"{sp.latex(error)} \\approx {float(error):.4g}$.",
             f"To divide it by {target}, multiply $N$ by ${target}^2$: "
             f"$N = {samples * target**2}$.")
    prompt = (f"$\\int_0^1 {sp.latex(f)}\\,dx$ is estimated by Monte Carlo: the average of "
              f"$f(u_i) = {sp.latex(sp.Symbol('u_i') ** k)}$ over $N$ independent uniform "
              "samples $u_i$ on $[0, 1]$. "
              f"Find the variance of $f(U)$, the standard error for $N = {samples}$, and the "
              f"number of samples needed for a standard error {target} times smaller.")
    hints = ("$\\operatorname{Var} f(U) = \\mathbb E[f(U)^2] - (\\mathbb E[f(U)])^2$.",
             "The standard error is $\\sigma/\\sqrt N$.")
    final = {"variance": variance, "error": error, "samples": samples * target**2}
    return Question(prompt, parts, Solution(steps, final), hints,
                    {"k": k, "N": samples, "target": target})


TEMPLATE = Template(
    slug="monte-carlo-error", title="Monte Carlo error", module=0, topic="integration",
    quizzes=("beyond-integration",), skills=("monte carlo", "expectation"), build=build)
