"""Seeded randomness for templates: the same (template, seed) always gives the same variant.

``random.Random`` seeded with a string is stable across runs and platforms (it hashes
the string with SHA-512), unlike Python's ``hash``.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


class Rng:
    """The few draws templates need, with names that say what they keep friendly."""

    def __init__(self, slug: str, seed: int) -> None:
        self._random = random.Random(f"{slug}:{seed}")

    def integer(self, low: int, high: int, *, nonzero: bool = False,
                exclude: Sequence[int] = ()) -> int:
        """A whole number in [low, high], optionally never 0 or one of ``exclude``."""
        banned = set(exclude) | ({0} if nonzero else set())
        options = [n for n in range(low, high + 1) if n not in banned]
        return self._random.choice(options)

    def choice(self, options: Sequence[T]) -> T:
        return self._random.choice(list(options))

    def sample(self, options: Sequence[T], count: int) -> list[T]:
        return self._random.sample(list(options), count)

    def shuffled(self, options: Sequence[T]) -> list[T]:
        items = list(options)
        self._random.shuffle(items)
        return items

    def sign(self) -> int:
        return self._random.choice((-1, 1))
