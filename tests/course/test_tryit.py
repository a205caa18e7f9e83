"""Lesson "try it" blocks: read and checked at load, rendered as a form without the answer."""

from __future__ import annotations

import pytest

from nablalab.course import ContentError, TryItError, load_course, render_markdown
from nablalab.course.tryit import read_try_it
from tests.course.test_loader import COURSE, LESSON, MODULE

BLOCK = '''id = "cube"
prompt = 'Differentiate $x^3$.'
answer = "3*x^2"
variables = ["x"]
mistakes = [["x^2", "Bring the power down as a factor."]]
'''


def fenced(source: str) -> str:
    return f"```tryit\n{source}```\n"


def test_a_block_reads_into_a_question_with_its_options():
    question = read_try_it(BLOCK)
    assert (question.id, question.answer, question.variables, question.kind) == (
        "cube", "3*x^2", ("x",), "expression")
    assert question.options == {"mistakes": [["x^2", "Bring the power down as a factor."]]}
    assert read_try_it('id = "a"\nprompt = "p"\nanswer = "1"').options == {}


@pytest.mark.parametrize(("source", "message"), [
    ("id = ", "not valid TOML"),
    ('id = "a"\nprompt = "p"', "missing field(s) answer"),
    (BLOCK + 'expected = "1"', "unknown field(s) expected"),
    (BLOCK.replace('"cube"', '"a b"'), "id must be letters"),
    (BLOCK + 'kind = "choice"', "kind must be one of"),
    (BLOCK.replace('"3*x^2"', '"3*x^"'), "does not parse"),
    (BLOCK.replace('"3*x^2"', '"3*t^2"'), "does not parse"),
    (BLOCK.replace('["x"]', '["2x"]'), "list of variable names"),
    (BLOCK.replace('"Bring the power down as a factor."]', '"", 1]'), "mistakes must be pairs"),
    (BLOCK.replace('answer = "3*x^2"', 'answer = "[1, 2]"\nkind = "vector"'),
     "mistakes are for kinds"),
])
def test_faulty_blocks_are_refused_with_a_reason(source, message):
    with pytest.raises(TryItError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_try_it(source)


def test_the_form_holds_the_prompt_but_never_the_answer_or_feedback():
    html = render_markdown("Intro.\n\n" + fenced(BLOCK))
    assert '<form class="tryit" data-tryit="cube" data-variables="x"' in html
    assert r'<span class="math inline">\(x^3\)</span>' in html
    assert "3*x^2" not in html and "Bring the power down" not in html


def test_other_code_blocks_render_as_code():
    html = render_markdown("```python\nprint(1)\n```\n")
    assert '<pre><code class="language-python">print(1)' in html


def write_course(root, bodies: list[str]) -> None:
    (root / "course.md").write_text(COURSE)
    module = root / "01-slopes"
    module.mkdir()
    (module / "module.md").write_text(MODULE.format(items=""))
    for order, body in enumerate(bodies, start=1):
        (module / f"0{order}-lesson-{order}.md").write_text(LESSON.format(order=order) + body)


def test_the_loader_collects_try_its_and_finds_them_by_id(tmp_path):
    write_course(tmp_path, [fenced(BLOCK)])
    course = load_course(tmp_path)
    assert course.modules[0].lessons[0].try_its == (read_try_it(BLOCK),)
    assert list(course.try_its()) == ["cube"]


@pytest.mark.parametrize(("bodies", "problem"), [
    ([fenced(BLOCK), fenced("id = ")], "02-lesson-2.md: tryit block is not valid TOML"),
    ([fenced(BLOCK), fenced(BLOCK)], "tryit id 'cube' is used 2 times"),
])
def test_the_loader_reports_faulty_and_duplicate_blocks(tmp_path, bodies, problem):
    write_course(tmp_path, bodies)
    with pytest.raises(ContentError) as error:
        load_course(tmp_path)
    assert any(problem in p for p in error.value.problems), error.value.problems
