"""Kind ``choice``: multiple choice, one option (expected is a key) or several (a list).

Keys are compared without regard to case or spaces. With several correct options the
score is (right picks - wrong picks) / number of right options, at least 0, unless
``partial_credit=False``. ``mistakes`` pairs an option key with the feedback it deserves.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..answers import InvalidAnswer, QuestionError
from ..result import CheckResult, Diagnosis


def grade_choice(
    expected: object, answer: object, variables: object = None, *,
    choices: Iterable[str] | None = None, partial_credit: bool = True,
    mistakes: Iterable[Sequence[object]] | None = None,
) -> CheckResult:
    """``variables`` is accepted for symmetry with the other kinds and not used."""
    single = isinstance(expected, str)
    right = {_key(expected)} if single else {_key(k) for k in expected}  # type: ignore[union-attr]
    if not right or "" in right:
        raise QuestionError("a choice question needs at least one correct option")
    known = None if choices is None else {_key(c) for c in choices}
    if known is not None and not right <= known:
        raise QuestionError(f"the correct options {sorted(right)} are not all among {choices}")
    picked = _picked(answer)
    if not picked:
        raise InvalidAnswer(CheckResult.invalid("Choose at least one option."))
    if known is not None and (unknown := sorted(picked - known)):
        raise InvalidAnswer(CheckResult.invalid(
            f"There is no option {', '.join(unknown)} (the options are "
            f"{', '.join(sorted(known))})."))
    if single and len(picked) > 1:
        raise InvalidAnswer(CheckResult.invalid("Choose exactly one option."))
    shown = ", ".join(sorted(picked))
    if picked == right:
        return CheckResult(valid=True, correct=True, score=1.0, feedback="Correct.",
                           diagnosis=Diagnosis.CORRECT, interpreted=shown, equivalent=True)
    remarks = {_key(item[0]): str(item[1]) for item in mistakes or ()}
    notes = [remarks[key] for key in sorted(picked - right) if key in remarks]
    hits, misses = len(picked & right), len(picked - right)
    score = max(0.0, (hits - misses) / len(right)) if partial_credit else 0.0
    if single:
        summary = "That is not the right option."
    else:
        summary = f"You chose {hits} of the {len(right)} right options" + (
            f", and {misses} wrong one{'s' if misses != 1 else ''}." if misses else ".")
    diagnosis = Diagnosis.DECLARED_MISTAKE if notes else (
        Diagnosis.PARTIAL if hits else Diagnosis.WRONG)
    return CheckResult(valid=True, correct=False, score=score,
                       feedback=" ".join([summary, *notes]), diagnosis=diagnosis,
                       interpreted=shown, equivalent=False)


def _picked(answer: object) -> set[str]:
    if isinstance(answer, str):
        items = answer.replace(";", ",").split(",")
    elif isinstance(answer, Iterable):
        items = [str(item) for item in answer]
    else:
        raise InvalidAnswer(CheckResult.invalid("Choose options by their letters, e.g. a, c."))
    return {_key(item) for item in items if item.strip()}


def _key(value: object) -> str:
    return str(value).strip().casefold()
