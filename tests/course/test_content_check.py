"""`nablalab content check`: the shipped content passes, and each kind of problem an author
can make is caught, with its file and line, in a small course built for the test."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from nablalab.cli.content_commands import course_references
from nablalab.cli.main import main
from nablalab.course import default_content_dir
from nablalab.course.check import References, check_content, typeset_failures

QUIZ = "lets-differentiate-some-functions"  # a real quiz, as the command looks them up
REFERENCES = References(quizzes={QUIZ}, assignments={"Backpropagation"})

COURSE = """+++
slug = "tiny-course"
title = "A tiny course"
provider = "nablalab"
credit = "Our own."
level = "Beginner"
skills = ["Slopes"]
+++
A course about the slope $m$ of a line.
"""

MODULE = """+++
number = 1
title = "Slopes"
summary = "Rise over run."

[[items]]
slug = "lets-differentiate-some-functions"
kind = "practice-quiz"
title = "Practising slopes"
summary = "Five questions."
after = "tangents"

[[items]]
slug = "backprop"
kind = "assignment"
title = "Backpropagation"
summary = "Code it."
after = "tangents"
+++
This module starts from the **gradient** of a line, $m = \\frac{\\Delta y}{\\Delta x}$.
"""

SLOPES = """+++
module = 1
order = 1
title = "Slopes"
minutes = 10
objectives = ["Find a slope"]
+++
## The idea

The **gradient** of a line is rise over run: $m = \\frac{\\Delta y}{\\Delta x}$.

![A line rising two units for every unit to the right](figures/line.svg)

### A worked example

```example
operation = "derivative"
expression = "x^2*sin(x)"
variables = ["x"]
wrt = "x"
result = "2*x*sin(x) + x^2*cos(x)"
```

```widget
name = "rise-over-run"
caption = "Shrink $h$ and watch the secant turn."
state = { f = "x^2", x0 = 1, h = 0.5 }
```

```tryit
id = "slope-of-square"
prompt = 'Differentiate $x^2$.'
answer = "2*x"
variables = ["x"]
mistakes = [["x", "The power comes down as a factor."]]
```

Next: [tangents](lesson:tangents), or see the [glossary](glossary:gradient).
"""

TANGENTS = """+++
module = 1
order = 2
title = "Tangents"
minutes = 15
objectives = ["Draw a tangent"]
+++
## Tangent lines

A **tangent** touches a curve; its gradient is the derivative.

$$
f(x) \\approx f(a) + f'(a)(x - a)
$$

```example
operation = "integral"
expression = "x*exp(x)"
variables = ["x"]
wrt = "x"
result = "(x - 1)*exp(x)"
```
"""

GLOSSARY = """[[terms]]
term = "gradient"
definition = "The slope of a line: rise over run, $\\\\Delta y / \\\\Delta x$."
lesson = "slopes"
aliases = ["slope"]

[[terms]]
term = "tangent"
definition = "A line that touches a curve, with its [gradient](glossary:gradient) there."
lesson = "tangents"
"""

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
       '<line x1="0" y1="10" x2="5" y2="0" stroke="black"/></svg>')


@pytest.fixture
def tiny(tmp_path) -> Path:
    """A small, correct course with one of everything the check looks at."""
    root = tmp_path / "content"
    module = root / "01-slopes"
    (module / "figures").mkdir(parents=True)
    (root / "course.md").write_text(COURSE)
    (root / "glossary.toml").write_text(GLOSSARY)
    (module / "module.md").write_text(MODULE)
    (module / "01-slopes.md").write_text(SLOPES)
    (module / "02-tangents.md").write_text(TANGENTS)
    (module / "figures" / "line.svg").write_text(SVG)
    return root


def test_the_shipped_content_passes():
    report = check_content(default_content_dir(), course_references())
    assert report.problems == []
    assert report.counts["lessons"] >= 38 and report.counts["examples"] > 0
    assert report.counts["formulas"] > 1000


def test_a_correct_small_course_passes(tiny):
    report = check_content(tiny, REFERENCES)
    assert report.problems == []
    assert report.counts == {"lessons": 2, "tryits": 1, "examples": 2, "formulas": 9,
                             "glossary terms": 2}


def _edit(relative: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / relative
        text = path.read_text()
        assert old in text, f"the fixture has no {old!r} to break"
        path.write_text(text.replace(old, new, 1))
    return apply


SLOPES_FILE = "01-slopes/01-slopes.md"
BROKEN = {
    "course does not load": (_edit(SLOPES_FILE, "minutes = 10", 'minutes = "ten"'),
                             "load", None, "minutes"),
    "widget block": (_edit(SLOPES_FILE, '"rise-over-run"', '"rise-and-run"'),
                     "block", 24, "no widget 'rise-and-run'"),
    "example block": (_edit(SLOPES_FILE, 'operation = "derivative"', 'operation = "differ"'),
                      "block", 16, "operation must be one of"),
    "tryit block": (_edit(SLOPES_FILE, 'answer = "2*x"', 'answer = "2*x +"'),
                    "block", 30, "does not parse"),
    "tryit id twice": (_edit("01-slopes/02-tangents.md", "$$\n\n```example",
                             '$$\n\n```tryit\nid = "slope-of-square"\nprompt = "Again."\n'
                             'answer = "1"\n```\n\n```example'), "tryit", 16, "also used"),
    "mistakes on a number": (_edit(SLOPES_FILE, 'variables = ["x"]\nmistakes',
                                   'variables = ["x"]\nkind = "number"\nmistakes'),
                             "block", 30, "mistakes are for kinds"),
    "tryit answer unusable": (_edit(SLOPES_FILE, 'variables = ["x"]\nmistakes = [["x", '
                                    '"The power comes down as a factor."]]', 'kind = "vector"'),
                              "tryit", 30, "the checker cannot use it"),
    "mistake accepted": (_edit(SLOPES_FILE, '[["x", "The power', '[["x*2", "The power'),
                         "tryit", 30, "'x*2' is accepted"),
    "example wrong": (_edit(SLOPES_FILE, 'result = "2*x*sin(x) + x^2*cos(x)"',
                            'result = "2*x*cos(x)"'), "example", 16, "not what the engines"),
    "antiderivative wrong": (_edit("01-slopes/02-tangents.md", 'result = "(x - 1)*exp(x)"',
                                   'result = "x*exp(x) - 2*exp(x)"'),
                             "example", 16, "not the integrand"),
    "quiz without questions": (_edit("01-slopes/module.md", f'slug = "{QUIZ}"',
                                     'slug = "lets-differentiate-some-curves"'),
                               "item", 7, "no questions in the bank"),
    "unknown assignment": (_edit("01-slopes/module.md", 'title = "Backpropagation"',
                                 'title = "Back propagation"'),
                           "item", None, "no programming assignment"),
    "bad LaTeX": (_edit(SLOPES_FILE, r"\frac{\Delta y}{\Delta x}", r"\frac{\Delta y}{\Delta x"),
                  "latex", 10, "KaTeX cannot typeset"),
    "bad LaTeX in a prompt": (_edit(SLOPES_FILE, "'Differentiate $x^2$.'",
                                    r"'Differentiate $\sqr{x}$.'"), "latex", 30, "\\sqr"),
    "maths in a title": (_edit(SLOPES_FILE, 'title = "Slopes"', 'title = "Slopes $m$"'),
                         "latex", 4, "not typeset there"),
    "lesson link": (_edit(SLOPES_FILE, "lesson:tangents", "lesson:tangent-lines"),
                    "link", 38, "names no lesson"),
    "glossary link": (_edit(SLOPES_FILE, "glossary:gradient", "glossary:slope-field"),
                      "link", 38, "names no glossary term"),
    "relative link": (_edit(SLOPES_FILE, "lesson:tangents", "02-tangents.md"),
                      "link", 38, "leads nowhere"),
    "missing figure": (_edit(SLOPES_FILE, "figures/line.svg", "figures/lines.svg"),
                       "image", 12, "does not exist"),
    "no alt text": (_edit(SLOPES_FILE, "![A line rising two units for every unit to the right]",
                          "![]"), "image", 12, "no alt text"),
    "remote image": (_edit(SLOPES_FILE, "figures/line.svg", "https://example.org/line.svg"),
                     "image", 12, "not in the module's figures/"),
    "h1 in the text": (_edit(SLOPES_FILE, "## The idea", "# The idea"), "heading", 8, "level-1"),
    "skipped level": (_edit(SLOPES_FILE, "### A worked example", "#### A worked example"),
                      "heading", 14, "level 4 follows level 2"),
    "placeholder": (_edit("01-slopes/02-tangents.md", "touches a curve",
                          "touches a curve (TODO: picture)"), "placeholder", 10, "'TODO'"),
    "coming soon": (_edit("01-slopes/module.md", "Rise over run.", "Coming  soon."),
                    "placeholder", 4, "Coming  soon"),
    "glossary lesson missing": (_edit("glossary.toml", 'lesson = "tangents"',
                                      'lesson = "tangent-lines"'),
                                "glossary", None, "does not exist"),
    "glossary term unused": (_edit("glossary.toml", 'term = "tangent"', 'term = "secant"'),
                             "glossary", 8, "does not appear in the lesson"),
    "glossary malformed": (_edit("glossary.toml", 'lesson = "slopes"', 'lessons = "slopes"'),
                           "glossary", None, "unknown field"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_each_kind_of_problem_is_found_where_it_is(tiny, name):
    breaks, kind, line, words = BROKEN[name]
    breaks(tiny)
    report = check_content(tiny, REFERENCES)
    found = [p for p in report.problems if p.kind == kind and words in p.message]
    assert found, f"expected a {kind} problem with {words!r}; got {report.problems}"
    if line is not None:
        assert found[0].line == line
    assert all(problem.hint for problem in report.problems)


def test_a_broken_block_is_reported_once_with_its_line(tiny):
    BROKEN["widget block"][0](tiny)
    problems = check_content(tiny, REFERENCES).problems
    assert len(problems) == 1 and problems[0].location(tiny) == "01-slopes/01-slopes.md:24"


def test_quick_mode_skips_the_engines(tiny):
    BROKEN["example wrong"][0](tiny)
    assert check_content(tiny, REFERENCES, verify=False).ok
    assert not check_content(tiny, REFERENCES).ok


def test_the_command_lists_problems_and_fails(tiny, capsys):
    BROKEN["skipped level"][0](tiny)
    BROKEN["no alt text"][0](tiny)
    assert main(["content", "check", "--content", str(tiny)]) == 1
    out = capsys.readouterr().out
    assert re.search(r"01-slopes\.md:14: \[heading\] heading level 4 follows level 2", out)
    assert "fix: use ### here" in out and "2 problem(s)" in out


def test_the_command_passes_and_speaks_json(tiny, capsys):
    assert main(["content", "check", "--content", str(tiny), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True and report["problems"] == []
    assert report["counts"]["examples"] == 2


def test_a_missing_folder_is_its_own_exit_code(tmp_path):
    assert main(["content", "check", "--content", str(tmp_path / "nothing")]) == 2


def test_katex_is_run_once_on_a_batch():
    batches = []

    def run(*args, **kwargs):
        batches.append(json.loads(kwargs["input"]))
        return subprocess.run(*args, **kwargs)

    failures = typeset_failures([(r"\frac{1}{2}", False),
                                 (r"\begin{bmatrix} a \end{matrix}", True),
                                 (r"\nabla f", False)], run=run)
    assert len(batches) == 1 and len(batches[0]) == 3
    assert [index for index, _ in failures] == [1]
    assert "KaTeX parse error" in failures[0][1]


def test_without_node_the_check_says_so(tiny, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    problems = check_content(tiny, REFERENCES, verify=False).problems
    assert [p.message for p in problems] == [
        "the LaTeX was not checked: node or KaTeX is missing"]
