"""``check_answer``: the public entry point, every check under a hard time limit."""

from __future__ import annotations

import threading

from .answers import Variables
from .grading import grade, grader_for
from .result import CheckResult
from .worker import WorkerCrash, WorkerPool, WorkerTimeout

DEFAULT_TIME_LIMIT = 1.0  # seconds, including the round trip to the worker
POOL_SIZE = 2

_pool: WorkerPool | None = None
_pool_lock = threading.Lock()


def check_answer(expected: object, answer: object, kind: str = "expression",
                 variables: Variables = None, *, time_limit: float = DEFAULT_TIME_LIMIT,
                 **options: object) -> CheckResult:
    """Check a learner's ``answer`` against the author's ``expected`` answer.

    ``expected`` is trusted text or a SymPy object; ``answer`` is the learner's text (a list
    of keys for kind "choice"). ``variables`` ("x, y" or a list) are the names the answer may
    use; by default, those of ``expected``. ``options`` depend on the kind (``mistakes``,
    ``form``, tolerances ...). The check runs in a worker process that is killed after
    ``time_limit`` seconds; such an answer comes back with ``valid=False`` (no attempt used).
    Unknown kinds or options raise at once (ValueError/TypeError); a malformed question
    raises ``QuestionError``.
    """
    grader_for(kind, expected, answer, variables, options)
    try:
        return _shared_pool().run(grade, (kind, expected, answer, variables, options),
                                  time_limit)
    except WorkerTimeout:
        return CheckResult.timed_out(time_limit)
    except WorkerCrash:
        return CheckResult.invalid(
            "Your answer could not be checked (it needed too much memory), so no attempt was "
            "used. Try writing it in a simpler form.")


def shutdown() -> None:
    """Stop the worker processes (they also end with this process)."""
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool.close()
            _pool = None


def _shared_pool() -> WorkerPool:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = WorkerPool(POOL_SIZE)
        return _pool
