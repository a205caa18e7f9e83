"""Run a computation with a hard time limit (shared by every layer that calls SymPy solvers).

``solve``, ``limit`` and ``fps`` can run for minutes on innocent-looking input, and a
Python thread cannot be stopped, so the work runs in a forked child process that is
killed when the budget is spent. Results come back pickled (SymPy objects pickle).
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")


class ComputationTimeout(TimeoutError):
    """The symbolic computation did not finish within its time budget."""


def call_with_timeout(fn: Callable[..., T], *args: Any, timeout: float) -> T:
    """``fn(*args)``, or ComputationTimeout after ``timeout`` seconds; errors are re-raised."""
    context = mp.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_run, args=(sender, fn, args), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise ComputationTimeout(f"the computation took longer than {timeout:g} s")
        ok, value = receiver.recv()
    except EOFError as exc:  # the child died without answering (e.g. out of memory)
        raise ComputationTimeout("the computation stopped without an answer") from exc
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()
    if not ok:
        raise value
    return value


def _run(sender: Connection, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    try:
        answer: tuple[bool, Any] = (True, fn(*args))
    except Exception as exc:
        answer = (False, exc)
    try:
        sender.send(answer)
    except Exception as exc:  # an unpicklable answer or error: send its text instead
        sender.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        sender.close()
