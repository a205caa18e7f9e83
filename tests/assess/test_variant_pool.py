"""The variant cache and the fresh-variant pool: same variants as generating directly, LRU
eviction, refills, no variant served twice (also under threads and across a fork), the
pool deferring to requests, and variants left untouched by grading and rendering."""

from __future__ import annotations

import dataclasses
import itertools
import os
import pickle
import threading
from collections import Counter

import pytest

from nablalab.assess.questions import Variant, get_template, grade_variant
from nablalab.assess.questions.pool import (
    BACKGROUND_NICE,
    SEED_RANGE,
    FreshPool,
    VariantCache,
    cached_variant,
    fresh_seed,
    generate,
)

# The quickest templates to generate (well under 10 ms): threads can race many takes.
QUICK = ("autodiff-cost", "taylor-order-needed", "neuron-output")
SETTLE = 60.0  # seconds a test waits for refills at most (they take milliseconds here)


class CountingGenerator:
    """Real generation, counted per (slug, seed), optionally failing for one template."""

    def __init__(self, failing: str = "") -> None:
        self.calls: Counter[tuple[str, int]] = Counter()
        self.failing = failing
        self._lock = threading.Lock()

    def __call__(self, slug: str, seed: int) -> Variant:
        with self._lock:
            self.calls[(slug, seed)] += 1
        if slug == self.failing:
            raise ValueError(f"{slug} is broken")
        return generate(slug, seed)


@pytest.fixture
def pools():
    """Pools made by a test, stopped after it so no thread outlives the test."""
    made: list[FreshPool] = []

    def make(**options) -> FreshPool:
        options.setdefault("generator", CountingGenerator())
        pool = FreshPool(VariantCache(), **options)
        made.append(pool)
        return pool

    yield make
    for pool in made:
        pool.stop(timeout=SETTLE)


def _snapshot(variant: Variant) -> bytes:
    return pickle.dumps((variant.to_dict(reveal=True), variant.solution_markdown,
                         variant.parameters, [(p.answer, p.options, p.mistakes)
                                              for p in variant.parts]))


# --- the cache ---------------------------------------------------------------------------

def test_cached_variant_is_the_direct_generation_and_is_generated_once():
    generator = CountingGenerator()
    cache = VariantCache(generator=generator)
    first = cache.get("power-rule", 7)
    assert cache.get("power-rule", 7) is first
    assert generator.calls == {("power-rule", 7): 1}
    direct = get_template("power-rule").generate(7)
    assert first.to_dict(reveal=True) == direct.to_dict(reveal=True)
    assert cached_variant("power-rule", 7).to_dict(reveal=True) == direct.to_dict(reveal=True)


def test_cache_evicts_the_least_recently_used():
    generator = CountingGenerator()
    cache = VariantCache(maxsize=2, generator=generator)
    cache.get(QUICK[0], 1)
    cache.get(QUICK[0], 2)
    cache.get(QUICK[0], 1)  # now 2 is the least recently used
    cache.get(QUICK[0], 3)
    assert (QUICK[0], 1) in cache and (QUICK[0], 3) in cache
    assert (QUICK[0], 2) not in cache and len(cache) == 2
    cache.get(QUICK[0], 2)
    assert generator.calls[(QUICK[0], 2)] == 2


@pytest.mark.parametrize("slug", ["kkt-conditions", "layer-gradient", "expansion-points",
                                  "derivative-zeros", "tangent-line", "autodiff-cost"])
def test_grading_and_rendering_leave_a_shared_variant_unchanged(slug):
    # Matrices (SymPy's are mutable), lists and dicts inside a variant: one object is shared
    # by every request of a process, so nothing that reads it may write to it.
    variant = generate(slug, 3)
    before = _snapshot(variant)
    answers = [{p.name: p.typed() for p in variant.parts},
               {p.name: "1/0" for p in variant.parts}]
    answers += [{p.name: p.typed(m.value)} for p in variant.parts for m in p.mistakes]
    results = [grade_variant(variant, given) for given in answers]
    assert results[0].correct and not results[1].correct
    variant.to_dict()
    assert _snapshot(variant) == before
    with pytest.raises(dataclasses.FrozenInstanceError):
        variant.seed = 4  # type: ignore[misc]


# --- the pool ----------------------------------------------------------------------------

def test_a_stopped_pool_has_nothing_and_queues_nothing(pools):
    pool = pools()
    assert pool.take(QUICK[0]) is None
    assert not pool.running and pool.ready(QUICK[0]) == 0
    assert pool.wait_until_idle(0.0)


def test_start_warms_every_template_then_take_refills(pools):
    seeds = itertools.count(1000)
    pool = pools(per_template=2, seeds=lambda: next(seeds))
    pool.start(QUICK)
    assert pool.wait_until_idle(SETTLE)
    assert [pool.ready(slug) for slug in QUICK] == [2, 2, 2]
    taken = pool.take(QUICK[1])
    assert taken is not None and taken.slug == QUICK[1] and taken.seed >= 1000
    assert taken.to_dict(reveal=True) == generate(QUICK[1], taken.seed).to_dict(reveal=True)
    assert (QUICK[1], taken.seed) in pool._cache  # the page and the check reuse it
    assert pool.wait_until_idle(SETTLE)
    assert pool.ready(QUICK[1]) == 2
    assert pool.take(QUICK[1]).seed != taken.seed


def test_sizes_per_template_and_the_warm_callback_once(pools):
    warmed: list[dict[str, int]] = []
    pool = pools(per_template=1)
    pool.start(QUICK, sizes={QUICK[2]: 3},
               when_warm=lambda: warmed.append({s: pool.ready(s) for s in QUICK}))
    assert pool.wait_until_idle(SETTLE)
    assert warmed == [{QUICK[0]: 1, QUICK[1]: 1, QUICK[2]: 3}]
    served = {pool.take(QUICK[2]).seed for _ in range(3)}
    assert len(served) == 3 and pool.take(QUICK[2]) is None
    assert pool.wait_until_idle(SETTLE) and pool.ready(QUICK[2]) == 3
    assert len(warmed) == 1  # refills are not a warm-up


def test_an_empty_pool_returns_none_and_refills_for_next_time(pools):
    pool = pools(per_template=1)
    pool.start([])
    assert pool.take(QUICK[0]) is None  # the caller generates directly
    assert pool.wait_until_idle(SETTLE)
    assert pool.ready(QUICK[0]) == 1


def test_no_variant_is_served_twice_under_threads(pools):
    generator = CountingGenerator()
    pool = pools(per_template=3, generator=generator)
    pool.start(QUICK[:2])
    assert pool.wait_until_idle(SETTLE)
    served: list[Variant] = []
    asked: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(6)

    def learner(slug: str) -> None:
        start.wait()
        for _ in range(40):
            if (variant := pool.take(slug)) is not None:
                with lock:
                    served.append(variant)
                    asked.append(slug)

    threads = [threading.Thread(target=learner, args=(QUICK[i % 2],)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert pool.wait_until_idle(SETTLE)
    keys = [(v.slug, v.seed) for v in served]
    assert len(served) >= 6  # every learner got at least the ones ready at the start
    assert len(set(keys)) == len(keys) and len({id(v) for v in served}) == len(served)
    assert [v.slug for v in served] == asked
    generated = sum(generator.calls.values())
    assert generated == len(served) + pool.ready(QUICK[0]) + pool.ready(QUICK[1])
    assert pool.ready(QUICK[0]) == pool.ready(QUICK[1]) == 3


def test_refills_wait_while_a_request_is_in_progress(pools):
    pool = pools(per_template=1, patience=SETTLE)
    pool.start([])
    pool.hold()
    pool.take(QUICK[0])
    assert not pool.wait_until_idle(0.3)
    assert pool.ready(QUICK[0]) == 0
    pool.release()
    assert pool.wait_until_idle(SETTLE)
    assert pool.ready(QUICK[0]) == 1


def test_refills_let_the_next_request_of_a_redirect_come_first(pools):
    pool = pools(per_template=1, patience=SETTLE, quiet=2.0)
    pool.start([])
    pool.hold()
    pool.take(QUICK[0])
    pool.release()  # e.g. "next question" answered with a redirect: its GET is on its way
    assert not pool.wait_until_idle(0.3)
    assert pool.wait_until_idle(SETTLE) and pool.ready(QUICK[0]) == 1


def test_refills_go_ahead_when_requests_never_stop(pools):
    pool = pools(per_template=1, patience=0.05)
    pool.hold()  # a request that never finishes (a busy server): refills are late, not lost
    pool.start(QUICK[:1])
    assert pool.wait_until_idle(SETTLE)
    assert pool.ready(QUICK[0]) == 1


def test_a_broken_template_does_not_stop_the_others(pools, caplog):
    pool = pools(per_template=1, generator=CountingGenerator(failing=QUICK[0]))
    pool.start(QUICK[:2])
    assert pool.wait_until_idle(SETTLE)
    assert pool.ready(QUICK[0]) == 0 and pool.ready(QUICK[1]) == 1
    assert pool.running and f"could not pre-generate a variant of {QUICK[0]}" in caplog.text


def test_the_refill_thread_runs_at_the_lowest_priority(pools):
    pool = pools(per_template=1)
    pool.start(QUICK[:1])
    assert pool.wait_until_idle(SETTLE)
    thread = next(t for t in threading.enumerate() if t.name == "nablalab-variant-pool")
    assert os.getpriority(os.PRIO_PROCESS, thread.native_id) == BACKGROUND_NICE
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) < BACKGROUND_NICE


def test_stop_ends_the_thread_and_start_resumes(pools):
    pool = pools(per_template=1)
    pool.start(QUICK[:1])
    assert pool.wait_until_idle(SETTLE)
    pool.stop(timeout=SETTLE)
    assert not pool.running
    assert not any(t.name == "nablalab-variant-pool" for t in threading.enumerate())
    assert pool.take(QUICK[0]) is not None
    assert pool.ready(QUICK[0]) == 0 and pool.wait_until_idle(0.0)  # stopped: no refill
    pool.start(QUICK[:1])
    assert pool.wait_until_idle(SETTLE) and pool.ready(QUICK[0]) == 1


def test_a_forked_child_starts_with_an_empty_stopped_pool(pools):
    # A server worker forked from a warmed parent must not serve the parent's variants:
    # another worker (forked from the same parent) would serve the same ones.
    pool = pools(per_template=1)
    pool.start(QUICK[:1])
    assert pool.wait_until_idle(SETTLE) and pool.ready(QUICK[0]) == 1
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child, which reports by exit code
        fine = pool.ready(QUICK[0]) == 0 and not pool.running and pool.take(QUICK[0]) is None
        fine = fine and pool._cache.get(QUICK[0], 5).seed == 5  # the cache still serves
        os._exit(0 if fine else 1)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert pool.ready(QUICK[0]) == 1  # the parent keeps its own


def test_fresh_seeds_cover_the_seed_range():
    seeds = {fresh_seed() for _ in range(200)}
    assert len(seeds) == 200 and all(0 <= s < SEED_RANGE for s in seeds)
    assert max(seeds) > SEED_RANGE // 2
