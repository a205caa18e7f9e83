"""What every widget endpoint needs: a learner's typed function read by the safe parser,
turned into a fast NumPy function, sampled into JSON-safe lists, and the computation run
under a hard time limit in a worker process. Failures become 422 responses whose message
the widget shows."""

from __future__ import annotations

import atexit
import functools
import hashlib
import json
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import numpy as np
import sympy as sp
from django.core.cache import cache
from ninja import Schema
from ninja.errors import HttpError

from nablalab.assess.worker import WorkerCrash, WorkerPool, WorkerTimeout
from nablalab.mathinput import MathInputError, ParsedMath, parse

T = TypeVar("T")
TIME_LIMIT_SECONDS = 2.0
WORKERS = 2  # per server process; each widget request holds one for its computation
CACHE_SECONDS = 600


def read_function(text: str, variables: Sequence[str] | None,
                  what: str = "function") -> ParsedMath:
    """The learner's function (any names when ``variables`` is None), or a 422 that says
    what is wrong and where."""
    try:
        parsed = parse(text, None if variables is None else list(variables))
    except MathInputError as error:
        where = "" if error.position is None else f" (at character {error.position + 1})"
        hint = f" {error.hint}" if error.hint else ""
        raise HttpError(422, f"The {what} could not be read: {error.message}{where}.{hint}"
                        ) from None
    if not isinstance(parsed.expr, sp.Expr):
        raise HttpError(422, f"The {what} must be a single expression, such as x^2*sin(x).")
    return parsed


def numeric(expr: sp.Expr, variables: Sequence[sp.Symbol]) -> Callable[..., np.ndarray]:
    """A NumPy version of an expression built by our parser (never of raw text); complex or
    undefined values come out as NaN, which ``finite`` turns into gaps in the plot."""
    compiled = sp.lambdify(list(variables), expr, modules="numpy")

    def evaluate(*args: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            value = np.asarray(compiled(*args))
        if np.iscomplexobj(value):
            value = np.where(np.abs(value.imag) < 1e-12, value.real, np.nan)
        return np.broadcast_to(value.astype(float), np.broadcast(*args).shape)

    return evaluate


def finite(values: np.ndarray, digits: int = 8) -> list[Any]:
    """A JSON-safe list (nested for 2-D): NaN and ±inf become null, floats are rounded so the
    response stays small."""
    rounded = np.round(np.asarray(values, dtype=float), digits)
    cleaned = rounded.astype(object)
    cleaned[~np.isfinite(rounded)] = None
    return cleaned.tolist()


def limited(fn: Callable[..., T], *args: Any, seconds: float = TIME_LIMIT_SECONDS) -> T:
    """``fn(*args)`` in a persistent worker process, killed if it overruns ``seconds``: the
    whole computation behind a widget (symbolic work and sampling) has a hard limit, and
    costs one pipe round trip when it does not need it. ``fn`` must be a module-level
    function (it is sent to the worker by name)."""
    try:
        return _pool().run(fn, args, seconds)
    except WorkerTimeout:
        raise HttpError(422, f"That took more than {seconds:g} s to work out: try a simpler "
                             "function, a smaller range or a lower order.") from None
    except WorkerCrash:
        raise HttpError(422, "That needed more memory than a widget may use: try a simpler "
                             "function or a smaller range.") from None


@functools.cache
def _pool() -> WorkerPool:
    pool = WorkerPool(size=WORKERS)
    atexit.register(pool.close)
    return pool


def remembered(name: str, body: Schema, compute: Callable[[], T]) -> T:
    """``compute()``, or its earlier answer for the same request body: widgets are pure
    functions of their inputs, and shared links and lessons ask the same things again."""
    digest = hashlib.sha256(json.dumps(body.dict(), sort_keys=True, default=str).encode())
    key = f"widget:{name}:{digest.hexdigest()}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, CACHE_SECONDS)
    return found
