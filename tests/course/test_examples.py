"""Worked-example blocks: read strictly, verified by the engines against SymPy's own answers,
and rendered as a typeset "Worked result" box."""

from __future__ import annotations

import pytest
import sympy as sp

from nablalab.course import render_markdown
from nablalab.course.examples import (
    ExampleError,
    example_html,
    read_example,
    statement_latex,
    verify_example,
    verify_examples,
)
from nablalab.mathinput import plain_text

x, y, z = sp.symbols("x y z", real=True)


def block(**fields: object) -> str:
    """TOML for an example block (strings quoted, lists and tables written out)."""
    def value(v: object) -> str:
        if isinstance(v, str):
            return f'"{v}"'
        if isinstance(v, dict):
            return "{ " + ", ".join(f"{k} = {value(w)}" for k, w in v.items()) + " }"
        if isinstance(v, list | tuple):
            return "[" + ", ".join(value(w) for w in v) + "]"
        return str(v)
    return "\n".join(f"{name} = {value(v)}" for name, v in fields.items())


def text(expr: sp.Basic) -> object:
    """The reference answer as the text (or nested list of texts) a block would hold."""
    if isinstance(expr, sp.MatrixBase):
        if expr.cols == 1:
            return [plain_text(e) for e in expr]
        return [[plain_text(e) for e in expr.row(i)] for i in range(expr.rows)]
    return plain_text(expr)


f2 = x**3 * y + sp.exp(x * y) + 2 * y
REFERENCE = {  # operation: (fields, SymPy's answer computed independently of the engines)
    "derivative": ({"expression": "x^2*sin(x)", "variables": ["x"], "wrt": "x"},
                   sp.diff(x**2 * sp.sin(x), x)),
    "derivative at a point": ({"operation": "derivative", "expression": "sin(x)^3",
                               "variables": ["x"], "wrt": "x", "order": 2,
                               "at": {"x": "pi/4"}},
                              sp.diff(sp.sin(x)**3, x, 2).subs(x, sp.pi / 4)),
    "partial": ({"expression": "x^3*y + exp(x*y) + 2*y", "variables": ["x", "y"],
                 "wrt": ["x", "x", "y"]}, sp.diff(f2, x, x, y)),
    "gradient": ({"expression": "x^3*y + exp(x*y) + 2*y", "variables": ["x", "y"]},
                 sp.Matrix([sp.diff(f2, v) for v in (x, y)])),
    "jacobian": ({"expression": ["x^2*y", "sin(x) + y*z", "exp(z)"],
                  "variables": ["x", "y", "z"]},
                 sp.Matrix([x**2 * y, sp.sin(x) + y * z, sp.exp(z)]).jacobian([x, y, z])),
    "hessian": ({"expression": "x*exp(y) + y^2*cos(z)", "variables": ["x", "y", "z"]},
                sp.hessian(x * sp.exp(y) + y**2 * sp.cos(z), (x, y, z))),
    "hessian at a point": ({"operation": "hessian", "expression": "x^3*y + x + 2*y",
                            "variables": ["x", "y"], "at": {"x": "1", "y": "0"}},
                           sp.hessian(x**3 * y + x + 2 * y, (x, y)).subs({x: 1, y: 0})),
    "evaluate": ({"expression": "sin(x)*exp(cos(x))", "variables": ["x"],
                  "at": {"x": "pi/3"}}, sp.sin(sp.pi / 3) * sp.exp(sp.cos(sp.pi / 3))),
    "taylor": ({"expression": "ln(x)", "variables": ["x"], "about": {"x": "10"}, "order": 3},
               sp.series(sp.log(x), x, 10, 4).removeO()),
    "taylor in two variables": ({"operation": "taylor", "expression": "x*y^2*exp(-x^4 - y^2/2)",
                                 "variables": ["x", "y"], "about": {"x": "-1", "y": "2"},
                                 "order": 1},
                                (lambda f: f.subs({x: -1, y: 2})
                                 + sp.diff(f, x).subs({x: -1, y: 2}) * (x + 1)
                                 + sp.diff(f, y).subs({x: -1, y: 2}) * (y - 2))(
                                    x * y**2 * sp.exp(-x**4 - y**2 / 2))),
    "integral": ({"expression": "x^2*exp(x)", "variables": ["x"], "wrt": "x"},
                 sp.integrate(x**2 * sp.exp(x), x)),
    "definite integral": ({"operation": "integral", "expression": "exp(-x^2/2)",
                           "variables": ["x"], "wrt": "x", "lower": "-oo", "upper": "oo"},
                          sp.sqrt(2 * sp.pi)),
    "inner integral": ({"operation": "integral", "expression": "x*y", "variables": ["x", "y"],
                        "wrt": "y", "lower": "0", "upper": "x"}, x**3 / 2),
    "equal": ({"expression": "(x^2 - 1)/(x - 1)", "variables": ["x"]}, x + 1),
}


def reference_block(name: str, result: sp.Basic) -> str:
    fields, _ = REFERENCE[name]
    return block(**{"operation": fields.get("operation", name), **fields,
                    "result": text(result)})


@pytest.mark.parametrize("name", sorted(REFERENCE))
def test_sympys_answer_is_confirmed(name):
    verdict = verify_example(read_example(reference_block(name, REFERENCE[name][1])))
    assert verdict.ok, verdict.message


WRONG = {  # a plausible slip per operation: must be refused
    "derivative": 2 * x * sp.cos(x),
    "derivative at a point": sp.Rational(3, 4),
    "partial": sp.diff(f2, x, y),
    "gradient": sp.Matrix([3 * x**2 * y, x**3 + 2]),
    "jacobian": sp.Matrix([x**2 * y, sp.sin(x) + y * z, sp.exp(z)]).jacobian([x, y, z]).T,
    "hessian": sp.hessian(x * sp.exp(y) + y**2 * sp.cos(z), (x, y, z)) * 2,
    "hessian at a point": sp.Matrix([[0, 3], [3, 1]]),
    "evaluate": sp.sin(sp.pi / 3),
    "taylor": sp.series(sp.log(x), x, 10, 3).removeO(),
    "taylor in two variables": x * y,
    "integral": x**2 * sp.exp(x),
    "definite integral": sp.sqrt(sp.pi),
    "inner integral": x**2 / 2,
    "equal": x - 1,
}


@pytest.mark.parametrize("name", sorted(WRONG))
def test_a_wrong_result_is_refused_with_the_right_one(name):
    verdict = verify_example(read_example(reference_block(name, WRONG[name])))
    assert not verdict.ok
    assert verdict.computed or "shape" in verdict.message


def test_an_antiderivative_is_right_up_to_any_constant():
    for constant in ("", " + 7", " - pi"):
        source = block(operation="integral", expression="1/x", variables=["x"], wrt="x",
                       result=f"ln(x){constant}")
        assert verify_example(read_example(source)).ok
    wrong = block(operation="integral", expression="1/x", variables=["x"], wrt="x",
                  result="ln(2*x^2)")
    verdict = verify_example(read_example(wrong))
    assert not verdict.ok and "not the integrand" in verdict.message


def test_a_slow_computation_is_stopped():
    source = block(operation="integral", expression="exp(sin(x)^3)*x^7*ln(x)",
                   variables=["x"], wrt="x", result="x")
    verdict = verify_example(read_example(source), time_limit=0.3)
    assert not verdict.ok and "did not finish within 0.3 s" in verdict.message


@pytest.mark.parametrize(("source", "message"), [
    ('operation = "differentiate"\nexpression = "x"\nvariables = ["x"]\nresult = "1"',
     "operation must be one of"),
    ('operation = "derivative"\nexpression = "x"\nvariables = ["x"]\nresult = "1"',
     "missing field(s) wrt"),
    ('operation = "gradient"\nexpression = "x"\nvariables = ["x"]\nwrt = "x"\nresult = ["1"]',
     "unknown field(s) wrt"),
    ('operation = "derivative"\nexpression = "x*y"\nvariables = ["x"]\nwrt = "x"\n'
     'result = "y"', "does not parse"),
    ('operation = "derivative"\nexpression = "x"\nvariables = ["x"]\nwrt = "t"\nresult = "1"',
     "t not in variables"),
    ('operation = "hessian"\nexpression = "x^2"\nvariables = ["x"]\nresult = "2"',
     "result must be a matrix"),
    ('operation = "integral"\nexpression = "x"\nvariables = ["x"]\nwrt = "x"\nlower = 0\n'
     'result = "1/2"', "give both lower and upper"),
    ('operation = "taylor"\nexpression = "exp(x)"\nvariables = ["x"]\nabout = { x = "0" }\n'
     'order = 3.5\nresult = "1"', "order must be a whole number"),
    ('operation = "evaluate"\nexpression = "x"\nvariables = ["x"]\nat = { x = "pi" \n',
     "not valid TOML"),
])
def test_malformed_blocks_say_what_to_fix(source, message):
    with pytest.raises(ExampleError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_example(source)


def test_the_statement_is_typeset_as_one_equation():
    example = read_example(block(operation="derivative", expression="x^2*sin(x)",
                                 variables=["x"], wrt="x",
                                 result="2*x*sin(x) + x^2*cos(x)"))
    assert statement_latex(example) == (
        r"\frac{d}{dx}\left(x^{2} \sin{\left(x \right)}\right) = "
        r"x^{2} \cos{\left(x \right)} + 2 x \sin{\left(x \right)}")
    mixed = read_example(block(operation="partial", expression="x^2*y", variables=["x", "y"],
                               wrt=["x", "y"], at={"x": "1", "y": "2"}, result="2"))
    assert statement_latex(mixed) == (
        r"\left.\frac{\partial^{2}}{\partial y\,\partial x}\left(x^{2} y\right)\right|"
        r"_{x = 1, y = 2} = 2")
    area = read_example(block(operation="integral", expression="x", variables=["x"], wrt="x",
                              lower="0", upper="1", result="1/2"))
    assert statement_latex(area) == r"\int_{0}^{1} x\,dx = \frac{1}{2}"


def test_a_block_renders_as_a_worked_result_box():
    source = block(operation="jacobian", expression=["x^2*y", "x < y"], variables=["x", "y"],
                   result=[["2*x*y", "x^2"], ["0", "0"]])
    with pytest.raises(ExampleError):
        read_example(source)  # "<" is not maths the parser reads: never reaches the page
    example = read_example(block(operation="jacobian", expression=["x^2*y", "x + y"],
                                 variables=["x", "y"], result=[["2*x*y", "x^2"], ["1", "1"]]))
    html = example_html(example)
    assert html.startswith('<aside class="worked-result" aria-label="Worked result">')
    assert r"\begin{bmatrix} 2 x y &amp; x^{2} \\ 1 &amp; 1 \end{bmatrix}" in html
    page = render_markdown("The Jacobian:\n\n```example\n" + block(
        operation="jacobian", expression=["x^2*y", "x + y"], variables=["x", "y"],
        result=[["2*x*y", "x^2"], ["1", "1"]]) + "\n```\n")
    assert html in page and "<code" not in page


def test_a_batch_is_verified_in_one_child_with_a_limit_for_each():
    right = read_example(reference_block("derivative", REFERENCE["derivative"][1]))
    wrong = read_example(reference_block("equal", WRONG["equal"]))
    slow = read_example(block(operation="integral", expression="exp(sin(x)^3)*x^7*ln(x)",
                              variables=["x"], wrt="x", result="x"))
    verdicts = verify_examples([right, slow, wrong], time_limit=0.5)
    assert [v.ok for v in verdicts] == [True, False, False]
    assert "did not finish within 0.5 s" in verdicts[1].message
    assert "not what the engines give" in verdicts[2].message
