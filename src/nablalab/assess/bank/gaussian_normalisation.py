"""Normalising a Gaussian, and the expectation of a density."""

from __future__ import annotations

import mpmath
import sympy as sp

from ..questions import Mistake, Part, Question, Rng, Solution, Template
from ._derivative import x


def build(rng: Rng) -> Question:
    mu, s = rng.integer(-3, 3), rng.integer(1, 4)
    shape = sp.exp(-(x - mu) ** 2 / (2 * s**2))
    total = s * sp.sqrt(2 * sp.pi)
    density = sp.lambdify(x, shape, "mpmath")
    by_quadrature = mpmath.quad(density, [-mpmath.inf, mu, mpmath.inf])
    mean = sp.Integer(mu)  # by symmetry; the solution checks it by quadrature
    quadrature = mpmath.quad(lambda t: t * density(t),
                             [-mpmath.inf, mu, mpmath.inf]) / by_quadrature
    parts = (
        Part("norm", "number", total, label="$Z = \\int g\\,dx$", mistakes=(
            Mistake("no-sqrt", 2 * sp.pi * s, "The Gaussian integral is sqrt(2π) σ: keep the "
                    "square root."),
            Mistake("no-sigma", sp.sqrt(2 * sp.pi), f"Substituting u = (x - μ)/σ brings a "
                    f"factor σ = {s}."),
        )),
        Part("mean", "number", mean, label="$E[X]$", mistakes=(
            Mistake("total", 1, "E[X] = ∫ x p(x) dx: multiply by x before integrating."),)),
    )
    steps = (f"Substitute $u = (x - {mu})/{s}$: $Z = {s}\\int e^{{-u^2/2}} du = {s}\\sqrt{{2\\pi}}"
             f" = {sp.latex(total)}$ (quadrature: ${float(by_quadrature):.10f}$).",
             f"The density is $p(x) = g(x)/Z$; it is symmetric about ${mu}$, so "
             f"$E[X] = \\int x\\,p(x)\\,dx = {sp.latex(mean)}$ (numerical quadrature: "
             f"${float(quadrature):.10f}$).")
    prompt = (f"Let $g(x) = {sp.latex(shape)}$. Find the normalising constant "
              "$Z = \\int_{-\\infty}^{\\infty} g(x)\\,dx$ (exactly, e.g. 3*sqrt(2*pi)) and the "
              "expectation $E[X]$ of the density $p = g/Z$.")
    hints = ("$\\int_{-\\infty}^{\\infty} e^{-u^2/2}\\,du = \\sqrt{2\\pi}$.",
             "A density symmetric about $\\mu$ has mean $\\mu$.")
    final = {"norm": sp.Float(by_quadrature, 15), "mean": sp.Float(quadrature, 15)}
    return Question(prompt, parts, Solution(steps, final), hints,
                    {"mu": mu, "sigma": s})


TEMPLATE = Template(
    slug="gaussian-normalisation", title="Normalising a Gaussian", module=0,
    topic="integration", quizzes=("beyond-integration",),
    skills=("normalisation", "expectation", "substitution"), build=build)
