"""Inline "try it" questions: a fenced ```` ```tryit ```` block of TOML in a lesson.

    ```tryit
    id = "product-rule-x2-sin"
    prompt = 'Differentiate $x^2 \\sin(x)$ with respect to $x$.'
    answer = "2*x*sin(x) + x^2*cos(x)"
    variables = ["x"]
    ```

``kind`` (default "expression") is one of the checker's answer kinds; ``mistakes`` lists
foreseen wrong answers with the feedback they deserve, ``[["2*x*cos(x)", "..."], ...]``
(expression kinds only). The block renders as a
form holding only the prompt: the expected answer stays on the server, found again by ``id``
when the learner submits, so a page never reveals it and a client never supplies it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from html import escape
from typing import Any

from nablalab.assess import KINDS
from nablalab.mathinput import MathInputError, parse

FENCE_INFO = "tryit"
ANSWER_MAX_LENGTH = 500  # what a learner may type; the API refuses longer answers as well
_TEXT_FIELDS = ("id", "prompt", "answer", "kind")
_FIELDS = (*_TEXT_FIELDS, "variables", "mistakes")
_REQUIRED = ("id", "prompt", "answer")
_PREVIEWABLE = set(KINDS) - {"choice"}
_WITH_MISTAKES = {"expression", "antiderivative"}


class TryItError(ValueError):
    """A ``tryit`` block an author must fix; the message says what and how."""


@dataclass(frozen=True)
class TryIt:
    id: str
    prompt: str
    answer: str
    variables: tuple[str, ...] = ()
    kind: str = "expression"
    mistakes: tuple[tuple[str, str], ...] = ()

    @property
    def options(self) -> dict[str, Any]:
        """Keyword options for ``check_answer`` beyond expected/answer/kind/variables."""
        return {"mistakes": [list(pair) for pair in self.mistakes]} if self.mistakes else {}


def read_try_it(source: str) -> TryIt:
    """The question in one block's TOML text, checked: known fields, a known kind, an id fit
    for a URL, and an expected answer that parses with the declared variables."""
    try:
        raw = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        raise TryItError(f"tryit block is not valid TOML: {error}") from None
    fields = _checked_fields(raw)
    question = TryIt(id=fields["id"], prompt=fields["prompt"], answer=fields["answer"],
                     variables=tuple(fields.get("variables", ())),
                     kind=fields.get("kind", "expression"),
                     mistakes=tuple(tuple(pair) for pair in fields.get("mistakes", ())))
    label = f"tryit {question.id!r}"
    if not question.id.replace("-", "").isalnum() or not question.id.isascii():
        raise TryItError(f"{label}: id must be letters, digits and '-' (it appears in URLs)")
    if question.kind not in _PREVIEWABLE:
        raise TryItError(f"{label}: kind must be one of {', '.join(sorted(_PREVIEWABLE))}")
    try:
        parse(question.answer, question.variables or None)
        for wrong, _feedback in question.mistakes:
            parse(wrong, question.variables or None)
    except MathInputError as error:
        raise TryItError(f"{label}: an answer does not parse: {error}") from None
    if question.mistakes and question.kind not in _WITH_MISTAKES:
        raise TryItError(f"{label}: mistakes are for kinds {', '.join(sorted(_WITH_MISTAKES))}")
    return question


def _checked_fields(raw: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(raw) - set(_FIELDS))
    if unknown:
        raise TryItError(f"tryit block: unknown field(s) {', '.join(unknown)} "
                         f"(allowed: {', '.join(_FIELDS)})")
    missing = [name for name in _REQUIRED if name not in raw]
    if missing:
        raise TryItError(f"tryit block: missing field(s) {', '.join(missing)}")
    for name in _TEXT_FIELDS:
        value = raw.get(name, "text")
        if not (isinstance(value, str) and value.strip()):
            raise TryItError(f"tryit block: {name} must be non-empty text")
    variables = raw.get("variables", [])
    if not (isinstance(variables, list) and all(isinstance(v, str) and v.isidentifier()
                                                 for v in variables)):
        raise TryItError("tryit block: variables must be a list of variable names")
    mistakes = raw.get("mistakes", [])
    if not (isinstance(mistakes, list) and all(
            isinstance(pair, list) and len(pair) == 2
            and all(isinstance(text, str) and text.strip() for text in pair)
            for pair in mistakes)):
        raise TryItError('tryit block: mistakes must be pairs ["wrong answer", "feedback"]')
    return raw


def try_it_html(question: TryIt, prompt_html: str) -> str:
    """The form a lesson shows: prompt, answer box, live preview, feedback; no answer."""
    ident = escape(question.id)
    field = f"tryit-{ident}-answer"
    variables = ", ".join(question.variables)
    using = (f' <span class="muted">(using {escape(variables)})</span>' if variables else "")
    return (
        f'<form class="tryit" data-tryit="{ident}" data-variables="{escape(variables)}" '
        f'data-kind="{escape(question.kind)}" novalidate>\n'
        '<p class="tryit-label">Try it</p>\n'
        f'<div class="tryit-prompt">{prompt_html}</div>\n'
        f'<label for="{field}">Your answer{using}</label>\n'
        '<div class="tryit-row">'
        f'<input id="{field}" name="answer" type="text" class="tryit-answer" autocomplete="off" '
        f'autocapitalize="off" spellcheck="false" maxlength="{ANSWER_MAX_LENGTH}" '
        'placeholder="use * to multiply, ^ for powers">'
        '<button type="submit" class="button">Check</button></div>\n'
        '<p class="tryit-preview no-maths" aria-live="polite"></p>\n'
        '<div class="tryit-feedback no-maths" role="status"></div>\n'
        '</form>\n'
    )
