"""Generated variants kept in memory: a cache by (template, seed), and a pool of fresh ones.

Generating a variant runs SymPy (tens to hundreds of milliseconds); choosing which one to
show takes well under a millisecond. So pages that show a known variant again (an attempt
re-rendered, an answer checked) reuse the generation through ``VariantCache``, and pages
that want a fresh question pop one that ``FreshPool`` generated earlier, in a background
thread, with a fresh random seed.

Sharing one object between requests and threads is safe because a variant is a pure
function of (template, seed) and is never modified: frozen dataclasses whose dicts, lists
and SymPy matrices nothing writes to (tests/assess/test_variant_pool.py checks grading).

No Django here: the web app decides when a pool starts (in each server worker, after the
fork) and tells it when requests are in progress, so refills run between requests.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import secrets
import threading
import time
import weakref
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Mapping

from .registry import get_template
from .variant import Variant

Generate = Callable[[str, int], Variant]

SEED_RANGE = 2**31  # the range the planner and the quiz draws take seeds from
CACHED_VARIANTS = 1024  # about 30 KiB each: tens of MiB at most per process
POOLED_PER_TEMPLATE = 3  # most quizzes ask a template at most twice; a spare for the next
REQUEST_PATIENCE = 1.0  # seconds a refill waits for requests to finish before going ahead
QUIET = 0.25  # seconds without requests before a refill starts: a redirect's GET comes first
BACKGROUND_NICE = 19  # the refill thread's scheduling priority: the lowest

log = logging.getLogger(__name__)


def generate(slug: str, seed: int) -> Variant:
    """The variant of template ``slug`` for ``seed``, generated now (the slow path)."""
    return get_template(slug).generate(seed)


def fresh_seed() -> int:
    """A seed from the operating system's randomness: no learner can predict another's."""
    return secrets.randbelow(SEED_RANGE)


class VariantCache:
    """The most recently used variants by (slug, seed), safe to share between threads."""

    def __init__(self, maxsize: int = CACHED_VARIANTS, generator: Generate = generate) -> None:
        self.maxsize = maxsize
        self._generate = generator
        self._items: OrderedDict[tuple[str, int], Variant] = OrderedDict()
        self._lock = threading.Lock()
        after_fork = weakref.WeakMethod(self._new_lock)  # a fork may come mid-``put``
        os.register_at_fork(after_in_child=lambda: (method := after_fork()) and method())

    def _new_lock(self) -> None:
        self._lock = threading.Lock()

    def get(self, slug: str, seed: int) -> Variant:
        """The variant for (slug, seed): from memory, or generated and remembered."""
        key = (slug, seed)
        with self._lock:
            if (found := self._items.get(key)) is not None:
                self._items.move_to_end(key)
                return found
        variant = self._generate(slug, seed)  # outside the lock: other keys stay served
        self.put(variant)
        return variant

    def put(self, variant: Variant) -> None:
        """Remember a variant generated elsewhere (a pooled one, once it is served)."""
        key = (variant.slug, variant.seed)
        with self._lock:
            self._items[key] = variant
            self._items.move_to_end(key)
            while len(self._items) > self.maxsize:
                self._items.popitem(last=False)

    def __contains__(self, key: tuple[str, int]) -> bool:
        with self._lock:
            return key in self._items

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)


class FreshPool:
    """A few ready variants per template, each with its own fresh seed, each served once.

    ``take`` pops one (or returns None when the template's pool is empty) and, once the pool
    is started, asks the background thread to generate a replacement. That one thread does
    all the generating, at the lowest scheduling priority, and waits (up to ``patience``
    seconds) while ``hold`` says a request is in progress and for ``quiet`` seconds after
    the last one: with Python's global interpreter lock, SymPy running beside a request
    would slow the request down (a pooled variant cannot come from another process either:
    pickling re-evaluates the unevaluated forms a worked solution shows).
    A forked child starts with an empty, stopped pool, so no two processes share a variant.
    """

    def __init__(self, cache: VariantCache, per_template: int = POOLED_PER_TEMPLATE,
                 generator: Generate = generate, seeds: Callable[[], int] = fresh_seed,
                 patience: float = REQUEST_PATIENCE, quiet: float = QUIET) -> None:
        self.per_template = per_template
        self.patience = patience
        self.quiet = quiet
        self._cache = cache
        self._generate = generator
        self._seeds = seeds
        self._reset()
        after_fork = weakref.WeakMethod(self._reset)
        os.register_at_fork(after_in_child=lambda: (method := after_fork()) and method())

    def _reset(self) -> None:
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._ready: dict[str, deque[Variant]] = {}
        self._wanted: deque[str] = deque()  # one entry per variant to generate, first first
        self._requests = 0
        self._last_request_end = -math.inf
        self._sizes: dict[str, int] = {}
        self._when_warm: Callable[[], object] | None = None
        self._generating = False
        self._stopping = False
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self, slugs: Iterable[str], sizes: Mapping[str, int] | None = None,
              when_warm: Callable[[], object] | None = None) -> None:
        """Start the background thread (once) and fill every listed template's pool, one
        variant per template per round, so each has one ready soonest. ``sizes`` overrides
        ``per_template`` for some templates (those a quiz asks several times); the thread
        calls ``when_warm`` once, when it has first filled them all."""
        slugs = list(slugs)
        with self._lock:
            self._sizes.update(sizes or {})
            rounds = max((self._size(slug) for slug in slugs), default=0)
            self._wanted.extend(slug for round_ in range(rounds) for slug in slugs
                                if round_ < self._size(slug))
            self._when_warm = when_warm or self._when_warm
            if self._thread is None:
                self._stopping = False
                self._thread = threading.Thread(target=self._refill, daemon=True,
                                                name="nablalab-variant-pool")
                self._thread.start()
            self._changed.notify_all()

    def stop(self, timeout: float | None = None) -> None:
        """Stop the background thread (after the variant it is generating, if any) and drop
        the refills still to do; the ready variants stay to be taken."""
        with self._lock:
            thread, self._stopping = self._thread, True
            self._wanted.clear()
            self._changed.notify_all()
        if thread is not None:
            thread.join(timeout)
        with self._lock:
            self._thread = None

    def take(self, slug: str) -> Variant | None:
        """A ready fresh variant of ``slug``, never served before (None if none is ready);
        it joins the cache, so the page and the answer check reuse it."""
        with self._lock:
            ready = self._ready.get(slug)
            variant = ready.popleft() if ready else None
            if self._thread is not None:
                self._wanted.appendleft(slug)  # what learners ask for comes before warming
                self._changed.notify_all()
        if variant is not None:
            self._cache.put(variant)
        return variant

    def ready(self, slug: str) -> int:
        with self._lock:
            return len(self._ready.get(slug, ()))

    def hold(self) -> None:
        """A request has started: refills wait until it finishes (see ``release``)."""
        with self._lock:
            self._requests += 1

    def release(self) -> None:
        with self._lock:
            self._requests = max(0, self._requests - 1)
            self._last_request_end = time.monotonic()
            self._changed.notify_all()

    def wait_until_idle(self, timeout: float) -> bool:
        """Whether every requested refill was done within ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while self._wanted or self._generating:
                if (left := deadline - time.monotonic()) <= 0:
                    return False
                self._changed.wait(left)
            return True

    def _refill(self) -> None:
        _lower_this_thread_priority()
        while (slug := self._next_wanted()) is not None:
            try:
                variant = self._generate(slug, self._seeds())
            except Exception:  # an author's bug in one template must not stop the others
                log.exception("could not pre-generate a variant of %s", slug)
                variant = None
            with self._lock:
                if variant is not None:
                    self._ready.setdefault(slug, deque()).append(variant)
                self._drop_full()
                warm, self._when_warm = ((self._when_warm, None) if not self._wanted
                                         else (None, self._when_warm))
            if warm is not None:
                try:
                    warm()
                except Exception:
                    log.exception("the pool's warm-up callback failed")
            with self._lock:
                self._generating = False  # only now: ``wait_until_idle`` includes ``warm``
                self._changed.notify_all()

    def _next_wanted(self) -> str | None:
        """The next template to generate for (None when stopping), once requests have been
        quiet for a while or ``patience`` has run out; marks the thread as generating."""
        with self._lock:
            while not self._retired():
                self._drop_full()
                if not self._wanted:
                    self._changed.notify_all()  # idle: wake ``wait_until_idle``
                    self._changed.wait()
                    continue
                self._wait_for_calm()
                if self._wanted and not self._retired():
                    self._generating = True
                    return self._wanted.popleft()
            return None

    def _drop_full(self) -> None:
        """Skip requests for templates that earlier refills have already filled."""
        while self._wanted and self._full(self._wanted[0]):
            self._wanted.popleft()

    def _full(self, slug: str) -> bool:
        return len(self._ready.get(slug, ())) >= self._size(slug)

    def _size(self, slug: str) -> int:
        return self._sizes.get(slug, self.per_template)

    def _wait_for_calm(self) -> None:
        """Wait (holding the condition) until no request is in progress and none has ended
        in the last ``quiet`` seconds, or at most ``patience`` seconds."""
        deadline = time.monotonic() + self.patience
        while not self._retired() and (left := deadline - time.monotonic()) > 0:
            if self._requests:
                self._changed.wait(left)
            elif (calm := self._last_request_end + self.quiet - time.monotonic()) > 0:
                self._changed.wait(min(left, calm))
            else:
                return

    def _retired(self) -> bool:
        """Stopping, or replaced by a newer thread after a ``stop`` that did not wait."""
        return self._stopping or self._thread is not threading.current_thread()


def _lower_this_thread_priority() -> None:
    """Linux schedules each thread on its own, so only this thread gets the lowest priority:
    the server's request threads (and other processes) keep the CPU first."""
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICE)


VARIANTS = VariantCache()
POOL = FreshPool(VARIANTS)


def cached_variant(slug: str, seed: int) -> Variant:
    """The variant for a known (slug, seed), generated at most once while it stays cached."""
    return VARIANTS.get(slug, seed)
