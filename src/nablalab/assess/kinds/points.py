"""Kind ``points``: a set of points in any order, e.g. all stationary points.

Typed as "(0, 0), (1, -1)" (optionally inside { }), or for one coordinate as "0, 2";
"none" (or "{}", "empty") is the empty set. The list is cut with the bracket-aware
splitter and every coordinate goes through the safe parser, so an error points at the
right character. Score: points found minus nothing for order, divided by the larger of
the expected count and the count given, so listing extra points costs credit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import sympy as sp

from nablalab.mathinput import MathInputError, parse, plain_text

from ..answers import (
    InvalidAnswer,
    QuestionError,
    Variables,
    allowed_names,
    invalid_input,
    symbols_of,
    trusted,
    variable_names,
)
from ..equivalence import compare
from ..result import CheckResult, Diagnosis, PartResult
from ..splitting import Piece, split_top_level, unwrap

Point = tuple[sp.Expr, ...]
EMPTY_WORDS = frozenset({"none", "empty", "no points", "{}", "∅", "[]"})


def grade_points(
    expected: object, answer: object, variables: Variables = None, *,
    mistakes: Iterable[Sequence[object]] | None = None,
) -> CheckResult:
    """A set of points; ``mistakes`` pairs a wrong set (same notation) with its feedback."""
    declared = variable_names(variables)
    target = _expected_points(expected, declared)
    names = allowed_names(declared, *(c for point in target for c in point))
    if not isinstance(answer, str):
        raise InvalidAnswer(CheckResult.invalid("The answer must be typed as text."))
    try:
        given = read_points(answer, names)
    except MathInputError as error:
        raise InvalidAnswer(invalid_input(error)) from None
    dimension = len(target[0]) if target else None
    if given and dimension is not None and any(len(p) != dimension for p in given):
        example = "(" + ", ".join(["a", "b", "c", "d"][:dimension]) + ")"
        raise InvalidAnswer(CheckResult.invalid(
            f"Each point needs {dimension} coordinate{'s' if dimension > 1 else ''}, "
            f"like {example}."))
    symbols = tuple(symbols_of(names))
    distinct = _distinct(given, symbols)
    shown = show(distinct)
    found = [any(_same(p, q, symbols) for q in distinct) for p in target]
    extra = [q for q in distinct if not any(_same(p, q, symbols) for p in target)]
    parts = tuple(PartResult(show([p]), ok, 1.0 if ok else 0.0,
                             "" if ok else "missing") for p, ok in zip(target, found, strict=True))
    parts += tuple(PartResult(show([q]), False, 0.0, "not in the set") for q in extra)
    common = dict(interpreted=shown, latex=sp.latex(sp.FiniteSet(*map(_as_tuple, distinct))),
                  parts=parts)
    if all(found) and not extra:
        note = " (each point only needs listing once)" if len(distinct) < len(given) else ""
        return CheckResult(valid=True, correct=True, score=1.0, feedback=f"Correct.{note}",
                           diagnosis=Diagnosis.CORRECT, equivalent=True, **common)
    for item in mistakes or ():
        if not isinstance(item, Sequence) or len(item) not in (2, 3):
            raise QuestionError(f"each mistake must be (points, feedback[, score]): {item!r}")
        wrong = _expected_points(item[0], declared)
        if len(wrong) == len(distinct) and all(
                any(_same(p, q, symbols) for q in distinct) for p in wrong):
            score = float(item[2]) if len(item) == 3 else 0.0
            return CheckResult(valid=True, correct=False, score=score, feedback=str(item[1]),
                               diagnosis=Diagnosis.DECLARED_MISTAKE, equivalent=False, **common)
    hits = sum(found)
    score = hits / max(len(target), len(distinct), 1)
    if target:
        sentences = [f"You found {hits} of the {len(target)} point"
                     f"{'s' if len(target) != 1 else ''}."]
    else:
        sentences = ["There are no such points: the answer is the empty set (type none)."]
    if extra:
        sentences.append(f"Not in the set: {show(extra)}.")
    return CheckResult(valid=True, correct=False, score=score,
                       feedback=" ".join(sentences),
                       diagnosis=Diagnosis.PARTIAL if hits else Diagnosis.WRONG,
                       equivalent=False, **common)


def read_points(text: str, names: Sequence[str] | None) -> list[Point]:
    """Parse "(0, 0), (1, -1)" into coordinate tuples; raises MathInputError."""
    body = Piece(text.strip(), len(text) - len(text.lstrip()))
    if body.text.lower() in EMPTY_WORDS:
        return []
    inner = unwrap(body, "{")
    if inner is not None:
        body = inner
        if not body.text:
            return []
    points = []
    for piece in split_top_level(body.text, body.offset):
        if not piece.text:
            raise MathInputError("an item of the list is empty", position=piece.offset,
                                 hint="Separate points with single commas.")
        coordinates = unwrap(piece, "([")
        pieces = split_top_level(coordinates.text, coordinates.offset) if coordinates else [piece]
        points.append(tuple(_coordinate(p, names) for p in pieces))
    return points


def show(points: Sequence[Point]) -> str:
    if not points:
        return "none"
    if all(len(p) == 1 for p in points):
        return ", ".join(plain_text(p[0]) for p in points)
    return ", ".join("(" + ", ".join(plain_text(c) for c in p) + ")" for p in points)


def _coordinate(piece: Piece, names: Sequence[str] | None) -> sp.Expr:
    try:
        expr = parse(piece.text, names).expr
    except MathInputError as error:
        raise MathInputError(error.message, hint=error.hint, position=None if (
            error.position is None) else error.position + piece.offset) from None
    if not isinstance(expr, sp.Expr):
        raise MathInputError("a coordinate must be a single value", position=piece.offset)
    return expr


def _expected_points(expected: object, declared: Sequence[str] | None) -> list[Point]:
    if isinstance(expected, str):
        try:
            return read_points(expected, declared)
        except MathInputError as error:
            raise QuestionError(f"the expected points {expected!r} do not parse: {error}"
                                ) from None
    points = []
    for item in expected:  # type: ignore[union-attr]
        coordinates = item if isinstance(item, Sequence | sp.Tuple) else (item,)
        points.append(tuple(trusted(c, declared) for c in coordinates))
    return points


def _same(p: Point, q: Point, variables: Sequence[sp.Symbol]) -> bool:
    return len(p) == len(q) and all(
        compare(a, b, variables).equivalent for a, b in zip(p, q, strict=True))


def _distinct(points: list[Point], variables: Sequence[sp.Symbol]) -> list[Point]:
    distinct: list[Point] = []
    for point in points:
        if not any(_same(point, seen, variables) for seen in distinct):
            distinct.append(point)
    return distinct


def _as_tuple(point: Point) -> sp.Basic:
    return point[0] if len(point) == 1 else sp.Tuple(*point)
