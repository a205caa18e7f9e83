"""Links inside the course text, written so that they survive reorganising the site:

* ``[the Jacobian](lesson:the-jacobian)`` — a lesson, by its slug;
* ``[gradient](glossary:gradient)`` — a glossary entry, by its term;
* ``![alt text](figures/contours.svg)`` — a picture in the module's ``figures/`` folder;
* ``https://...`` and ``#anchor`` links, as they are.

The web layer knows the URLs, so it hands them over as ``LinkTargets`` when it renders a
page; a markdown-it core rule then rewrites those hrefs and image sources, and links the
first use of each glossary term in the text (outside maths, code, headings and links).
``nablalab content check`` uses ``classify`` to find links that lead nowhere.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from nablalab.course.glossary import Term, anchor_for

FIGURE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*\.(?:svg|png|jpe?g|webp|gif)$")
GLOSSARY_LINK_CLASS = "glossary-term"


class LinkKind(StrEnum):
    EXTERNAL = "external"
    ANCHOR = "anchor"
    LESSON = "lesson"
    GLOSSARY = "glossary"
    FIGURE = "figure"
    UNKNOWN = "unknown"


def classify(href: str) -> tuple[LinkKind, str]:
    """What a link in the text points at, and the name it uses (slug, term, file name)."""
    if href.startswith(("https://", "http://", "mailto:")):
        return LinkKind.EXTERNAL, href
    if href.startswith("#"):
        return LinkKind.ANCHOR, href[1:]
    if href.startswith("lesson:"):
        return LinkKind.LESSON, href.removeprefix("lesson:").partition("#")[0]
    if href.startswith("glossary:"):
        return LinkKind.GLOSSARY, anchor_for(href.removeprefix("glossary:"))
    if href.startswith("figures/"):
        return LinkKind.FIGURE, href.removeprefix("figures/")
    return LinkKind.UNKNOWN, href


@dataclass(frozen=True)
class LinkTargets:
    """The URLs one page's links resolve to: lesson slug -> URL, the glossary page, the URL
    that ``figures/`` stands for, and the glossary terms to link on first use."""

    lessons: Mapping[str, str] = field(default_factory=dict)
    glossary_url: str = ""
    figures_url: str = ""
    terms: tuple[Term, ...] = ()
    lesson: str = ""  # the page's own lesson: terms it defines are not linked away from it

    def href(self, original: str) -> str:
        kind, name = classify(original)
        if kind is LinkKind.LESSON and name in self.lessons:
            fragment = original.partition("#")[2]
            return self.lessons[name] + (f"#{fragment}" if fragment else "")
        if kind is LinkKind.GLOSSARY and self.glossary_url:
            return f"{self.glossary_url}#{name}"
        if kind is LinkKind.FIGURE and self.figures_url and FIGURE_NAME.match(name):
            return self.figures_url + name
        return original


def resolve_links(state: StateCore) -> None:
    """Core rule: rewrite lesson/glossary/figure links, then link glossary terms once each."""
    targets = state.env.get("links") if isinstance(state.env, dict) else None
    if not isinstance(targets, LinkTargets):
        return
    pending = {term.anchor: term for term in targets.terms
               if term.lesson != targets.lesson and targets.glossary_url}
    in_heading = False
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            in_heading = token.type == "heading_open"
        if token.type != "inline" or not token.children:
            continue
        for child in token.children:
            _rewrite(child, targets, pending)
        if not in_heading and pending:
            token.children = _link_terms(token.children, targets.glossary_url, pending)


def _rewrite(token: Token, targets: LinkTargets, pending: dict[str, Term]) -> None:
    if token.type == "link_open":
        original = str(token.attrGet("href") or "")
        kind, name = classify(original)
        if kind is LinkKind.GLOSSARY:
            pending.pop(name, None)  # linked by hand already
        token.attrSet("href", targets.href(original))
    elif token.type == "image":
        token.attrSet("src", targets.href(str(token.attrGet("src") or "")))


def _link_terms(children: list[Token], glossary_url: str, pending: dict[str, Term]
                ) -> list[Token]:
    """The inline tokens with the first use of each pending term wrapped in a link."""
    result: list[Token] = []
    depth = 0  # inside a link: leave its text alone
    for child in children:
        depth += (child.type == "link_open") - (child.type == "link_close")
        if child.type != "text" or depth or not pending:
            result.append(child)
            continue
        result.extend(_split(child.content, glossary_url, pending))
    return result


def _split(text: str, glossary_url: str, pending: dict[str, Term]) -> list[Token]:
    # The earliest match wins; at one place the longest (so "partial derivative" before
    # "derivative").
    matches = [(match.start(), -(match.end() - match.start()), match.end(), anchor)
               for anchor, term in pending.items() if (match := term.pattern.search(text))]
    if not matches:
        return [_text(text)]
    start, _, end, anchor = min(matches)
    del pending[anchor]
    link = Token("link_open", "a", 1)
    link.attrSet("href", f"{glossary_url}#{anchor}")
    link.attrSet("class", GLOSSARY_LINK_CLASS)
    before = [_text(text[:start])] if start else []
    return [*before, link, _text(text[start:end]), Token("link_close", "a", -1),
            *(_split(text[end:], glossary_url, pending) if end < len(text) else [])]


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token
