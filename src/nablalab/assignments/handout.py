"""`assignment get`: copy what a learner receives, and only that, into a folder.

The statement, the starter .py and .ipynb, data files, and the public tests (their inputs
and expected values as JSON, with a standalone script). Never grading.py or reference.py.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from nablalab.assignments import catalog
from nablalab.grader import runner
from nablalab.grader.spec import Close


def public_cases(name: str) -> list[dict[str, object]]:
    """The public tests as data: call, expected value and tolerances."""
    cases = []
    for test in catalog.load(name).tests():
        if not test.public or type(test.compare) is not Close:
            continue
        cases.append({"name": test.name, "function": test.call.function,
                      "args": runner.encode(list(test.call.args)),
                      "globals": runner.encode(dict(test.call.globals)),
                      "expected": runner.encode(test.expected), "rtol": test.compare.rtol,
                      "atol": test.compare.atol, "ravel": test.compare.ravel})
    return cases


def hand_out(name: str, target: Path) -> list[Path]:
    """Write the learner's files into ``target`` (created if needed); returns their paths."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for source in catalog.learner_files(name):
        written.append(Path(shutil.copyfile(source, target / source.name)))
    written.append(Path(shutil.copyfile(runner.__file__, target / "nablalab_codec.py")))
    written.append(Path(shutil.copyfile(Path(__file__).with_name("public_tests_script.py"),
                                        target / "public_tests.py")))
    cases = target / "public_cases.json"
    cases.write_text(json.dumps(public_cases(name)))
    written.append(cases)
    return written
