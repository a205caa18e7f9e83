"""Where the assignments live, and how to load their grading specs and reference solutions.

Each assignment is a folder: statement.md, starter.py, starter.ipynb and data files (what a
learner receives), plus grading.py and reference.py (what a learner never receives).
"""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

from nablalab.grader.spec import Assignment, Call

ROOT = Path(__file__).parent
NAMES = ("backprop", "heights", "newton", "lagrange", "sandpit", "linfit", "finite_differences")
LEARNER_FILES = ("statement.md", "starter.py", "starter.ipynb")
PRIVATE_FILES = ("grading.py", "reference.py")


class UnknownAssignment(LookupError):
    def __init__(self, name: str) -> None:
        super().__init__(f"There is no assignment {name!r}; choose one of: {', '.join(NAMES)}.")


def folder(name: str) -> Path:
    if name not in NAMES:
        raise UnknownAssignment(name)
    return ROOT / name


def load(name: str) -> Assignment:
    """The assignment's grading spec (tests, points, feedback)."""
    folder(name)
    return importlib.import_module(f"nablalab.assignments.{name}.grading").ASSIGNMENT


def learner_files(name: str) -> list[Path]:
    """What `assignment get` may hand out: never grading.py or reference.py."""
    base = folder(name)
    data = sorted(p for p in base.glob("*.csv"))
    return [base / f for f in LEARNER_FILES] + data


def load_reference(name: str) -> ModuleType:
    """A fresh copy of the reference solution (trusted code, run outside the sandbox)."""
    path = folder(name) / "reference.py"
    spec = importlib.util.spec_from_file_location(f"nablalab_reference_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def reference_value(name: str, call: Call) -> Any:
    """What the reference solution returns for ``call`` (same globals, same arguments)."""
    module = load_reference(name)
    for key, value in call.globals.items():
        setattr(module, key, value)
    args = [_resolve(module, a) for a in call.args]
    return getattr(module, call.function)(*args)


def _resolve(module: ModuleType, arg: Any) -> Any:
    """Rebuild function references as the sandbox would, on the reference module."""
    from nablalab.grader import runner

    return runner.decode(arg.__wire__(), module) if hasattr(arg, "__wire__") else arg
