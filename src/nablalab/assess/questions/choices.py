"""Choice questions: shuffle the options, letter them, and keep each wrong option's feedback."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .parts import Choice, Mistake, Part
from .randomness import Rng

LETTERS = "abcdefgh"


@dataclass(frozen=True)
class Option:
    """An option's label, whether it is right, and (for a wrong one) why it is wrong."""

    label: str
    right: bool
    feedback: str = ""
    name: str = "wrong-option"


def choice_part(rng: Rng, options: Sequence[Option], name: str = "choice",
                label: str = "", multiple: bool = False) -> Part:
    """A choice part with the options shuffled and lettered a, b, c ...

    ``multiple``: several options may be right (the answer is a list of keys) — say so in
    the prompt; otherwise exactly one option must be right.
    """
    order = rng.shuffled(options)
    right = [LETTERS[i] for i, o in enumerate(order) if o.right]
    if not multiple and len(right) != 1:
        raise ValueError(f"a single-choice part needs exactly one right option, got {right}")
    mistakes = tuple(Mistake(o.name, LETTERS[i], o.feedback) for i, o in enumerate(order)
                     if not o.right and o.feedback)
    return Part(name, "choice", right if multiple else right[0], label=label,
                choices=tuple(Choice(LETTERS[i], o.label) for i, o in enumerate(order)),
                mistakes=mistakes)
