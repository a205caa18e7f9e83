"""The module-1 game "match the graph to its derivative". A seed fixes a round: the function
(drawn from the question bank's derivative-graph-match template, so the game and the
practice quiz share their functions), the candidate graphs and their order. The round sent
to the page holds only curves; which one is f' is decided here when the learner picks, with
feedback that names the mistake the picked graph stands for."""

from __future__ import annotations

import random

import numpy as np
import sympy as sp
from django.http import HttpRequest
from ninja import Field, Router, Schema

from nablalab.assess.bank.derivative_graph_match import TEMPLATE
from nablalab.assess.questions import Rng
from nablalab.calculus import differentiate
from nablalab.mathinput import latex, symbol
from nablalab.web.explore.endpoints._numbers import computed
from nablalab.web.explore.functions import finite, numeric, remembered

router = Router(tags=["widgets"])
SAMPLES = 241
CHOICES = 4
LABELS = "ABCD"
MAX_SEED = 2**31 - 1


class RoundIn(Schema):
    seed: int = Field(ge=0, le=MAX_SEED, description="Fixes the round, so it can be shared.")


class CandidateOut(Schema):
    label: str
    y: list[float | None]


class RoundOut(Schema):
    seed: int
    x: list[float]
    f: list[float | None] = Field(description="The function's graph (its formula stays "
                                              "hidden until the pick).")
    candidates: list[CandidateOut]


class PickIn(RoundIn):
    pick: int = Field(ge=0, lt=CHOICES, description="Index of the chosen candidate.")


class RevealedOut(Schema):
    label: str
    kind: str
    formula_latex: str


class PickOut(Schema):
    correct: bool
    kind: str = Field(description="What the picked graph is: derivative, itself, negated, "
                                  "antiderivative, shifted, raised or second.")
    feedback: str
    answer: int
    f_latex: str
    candidates: list[RevealedOut]


@router.post("/derivative-match/round", response=RoundOut, url_name="widget_match_round")
def match_round(request: HttpRequest, body: RoundIn) -> dict:
    """The function's graph and the candidates, with nothing that tells them apart."""
    def public() -> dict:
        game = computed(build_round, body.seed)
        return {"seed": body.seed, "x": game["x"], "f": game["f"],
                "candidates": [{"label": c["label"], "y": c["y"]} for c in game["candidates"]]}
    return remembered("derivative-match-round", body, public)


@router.post("/derivative-match/check", response=PickOut, url_name="widget_match_check")
def match_check(request: HttpRequest, body: PickIn) -> dict:
    """Right or wrong, and why, for the candidate picked in the seed's round."""
    game = remembered("derivative-match-game", RoundIn(seed=body.seed),
                      lambda: computed(build_round, body.seed))
    picked = game["candidates"][body.pick]
    answer = next(i for i, c in enumerate(game["candidates"]) if c["kind"] == "derivative")
    return {
        "correct": picked["kind"] == "derivative", "kind": picked["kind"],
        "feedback": picked["feedback"], "answer": answer, "f_latex": game["f_latex"],
        "candidates": [{"label": c["label"], "kind": c["kind"],
                        "formula_latex": c["formula_latex"]} for c in game["candidates"]],
    }


def build_round(seed: int) -> dict:
    """The whole round, answers included (never sent before the pick)."""
    x = symbol("x")
    f = TEMPLATE.build(Rng(TEMPLATE.slug, seed)).parameters["f"]
    half_width = _half_width(f, x)
    grid = np.linspace(-half_width, half_width, SAMPLES)
    derivative = differentiate(f, "x").result
    facts = _Facts(f, derivative, x, grid)
    shift = sp.Rational(round(half_width / 4, 2)).limit_denominator(100)
    candidates = {
        "derivative": derivative,
        "itself": f,
        "negated": -derivative,
        "antiderivative": sp.integrate(f, x),
        "shifted": derivative.subs(x, x - shift),
        "second": sp.diff(derivative, x),
        "raised": derivative + _lift(derivative, x, grid),
    }
    curves = {kind: numeric(expr, [x])(grid) for kind, expr in candidates.items()}
    distinct = _distinct_kinds(curves)
    chooser = random.Random(f"derivative-match:{seed}")
    kinds = ["derivative", *chooser.sample(distinct, CHOICES - 1)]
    chooser.shuffle(kinds)
    return {
        "x": finite(grid), "f": finite(curves["itself"]), "f_latex": latex(f),
        "candidates": [{
            "label": LABELS[i], "kind": kind, "y": finite(curves[kind]),
            "formula_latex": latex(candidates[kind]),
            "feedback": facts.feedback(kind, float(shift)),
        } for i, kind in enumerate(kinds)],
    }


def _half_width(f: sp.Expr, x: sp.Symbol) -> float:
    """A window that shows the shape: a few features of the function, not its far tails."""
    if f.is_polynomial(x):  # x^3 - 3a^2 x: turning points at ±a
        return float(2 * sp.sqrt(-sp.Poly(f, x).coeff_monomial(x) / 3))
    rate = max((abs(float(arg.as_coefficient(x) or 1)) for arg in sp.preorder_traversal(f)
                if isinstance(arg, sp.Mul) and arg.has(x)), default=1.0)
    return 3.0 / rate


def _lift(derivative: sp.Expr, x: sp.Symbol, grid: np.ndarray) -> sp.Expr:
    """A visible vertical offset for the "raised" distractor: half the height of f'."""
    values = numeric(derivative, [x])(grid)
    height = float(np.nanmax(values) - np.nanmin(values)) or 1.0
    return sp.Rational(round(height / 2, 1)).limit_denominator(10)


def _distinct_kinds(curves: dict[str, np.ndarray]) -> list[str]:
    """Distractors whose graphs differ visibly from f' and from each other (for e^(-x) the
    negated derivative is f itself: keep one of them)."""
    scale = float(np.nanmax(np.abs(curves["derivative"]))) or 1.0
    kept: list[str] = []
    for kind, curve in curves.items():
        if kind == "derivative":
            continue
        others = [curves["derivative"], *(curves[k] for k in kept)]
        if all(np.nanmax(np.abs(curve - other)) > 0.05 * scale for other in others):
            kept.append(kind)
    return kept


class _Facts:
    """Where f is flat and where it is steepest, for feedback that points at the graph."""

    def __init__(self, f: sp.Expr, derivative: sp.Expr, x: sp.Symbol, grid: np.ndarray):
        slope = numeric(derivative, [x])(grid)
        flat: list[float] = []
        for i in np.nonzero(np.diff(np.sign(slope)) != 0)[0]:
            left, right = slope[i], slope[i + 1]
            point = float(grid[i] - left * (grid[i + 1] - grid[i]) / (right - left))
            if not flat or point - flat[-1] > 1e-6:  # a zero on a grid point counts once
                flat.append(point)
        self.flat = flat
        steepest = int(np.nanargmax(np.abs(slope)))
        self.sloped_at, self.rises = float(grid[steepest]), bool(slope[steepest] > 0)

    def _flat_text(self) -> str:
        return " and ".join(f"x ≈ {p:.2f}" for p in self.flat[:3])

    def feedback(self, kind: str, shift: float) -> str:
        flat = self._flat_text()
        if kind == "derivative":
            return ("Right: this graph is positive where f rises, negative where f falls, "
                    + (f"and crosses zero where f is flat ({flat})." if flat
                       else "and never crosses zero because f never levels off."))
        if kind == "itself":
            return ("That one is f itself, not its slope. "
                    + (f"Where f has a peak or a trough ({flat}) its derivative crosses zero."
                       if flat else "f never levels off, so its derivative never crosses "
                       "zero: it keeps one sign, the sign of f's slope."))
        if kind == "negated":
            trend, sign, wrong = (("rises", "positive", "negative") if self.rises
                                  else ("falls", "negative", "positive"))
            return (f"That graph has the wrong sign: f {trend} at x ≈ {self.sloped_at:.2f}, so "
                    f"its derivative must be {sign} there, and this one is {wrong}.")
        if kind == "antiderivative":
            return ("That is an antiderivative of f: its slope is f. The derivative goes the "
                    "other way: its height is the slope of f.")
        if kind == "shifted":
            return (f"Close, but shifted sideways by {shift:g}: f′ must cross zero exactly "
                    + (f"where f is flat ({flat}), and this graph crosses elsewhere." if flat
                       else "where f is flat, and its values must line up with f's slope "
                       "at the same x."))
        if kind == "raised":
            return ("That is f′ moved up by a constant: its zeros are in the wrong places. "
                    "f′ is exactly the slope of f, so it is zero where f is flat"
                    + (f" ({flat})." if flat else " and has the sign of f's slope everywhere."))
        return ("That is the second derivative f″, the slope of the slope. f′ crosses zero "
                "where f is flat; f″ crosses zero where f changes between bending up and "
                "bending down.")


BENCH_CASES = [
    ("derivative-match: new round", "derivative-match/round", lambda i: {"seed": 1000 + i},
     {"main": False}),
    ("derivative-match: check a pick", "derivative-match/check",
     lambda i: {"seed": 2000 + i, "pick": i % CHOICES},
     {"prepare": lambda i: ("derivative-match/round", {"seed": 2000 + i})}),
]
