"""Every template of the bank, discoverable by slug, quiz, skill, module or topic.

Each module (or package) in ``nablalab.assess.bank`` defines ``TEMPLATE``; they are found
by walking the package, so adding a template is adding a file.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from .quizzes import QUIZ_IDS
from .template import Template, TemplateError

BANK_PACKAGE = "nablalab.assess.bank"


@cache
def all_templates() -> tuple[Template, ...]:
    package = importlib.import_module(BANK_PACKAGE)
    found: dict[str, Template] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{BANK_PACKAGE}.{info.name}")
        template = getattr(module, "TEMPLATE", None)
        if not isinstance(template, Template):
            raise TemplateError(f"{module.__name__} defines no TEMPLATE")
        if template.slug in found:
            raise TemplateError(f"two templates use the slug {template.slug!r}")
        if unknown := set(template.quizzes) - QUIZ_IDS:
            raise TemplateError(f"{template.slug}: unknown quizzes {sorted(unknown)}")
        found[template.slug] = template
    return tuple(found.values())


def get_template(slug: str) -> Template:
    for template in all_templates():
        if template.slug == slug:
            return template
    raise KeyError(f"no question template is called {slug!r}")


def find_templates(selector: str) -> tuple[Template, ...]:
    """Templates matching a slug, quiz id, skill, topic, module ("m3", "3") or "beyond"."""
    key = selector.strip().casefold()
    module = _module_number(key)
    return tuple(t for t in all_templates() if key in (t.slug, t.topic.casefold())
                 or key in t.quizzes or key in (s.casefold() for s in t.skills)
                 or t.module == module)


def _module_number(key: str) -> int | None:
    if key == "beyond":
        return 0
    digits = key.removeprefix("m").removeprefix("module").strip()
    return int(digits) if digits.isdigit() else None
