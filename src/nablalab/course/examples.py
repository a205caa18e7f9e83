"""Worked examples: a fenced ```` ```example ```` block of TOML that states a result.

    ```example
    operation = "derivative"
    expression = "x^2*sin(x)"
    variables = ["x"]
    wrt = "x"
    result = "2*x*sin(x) + x^2*cos(x)"
    ```

The lesson's prose derives the result; the block states it once more, so that the page can
show it as a typeset "Worked result" box and ``nablalab content check`` can recompute it with
the project's engines (``verify_example``). Reading a block (``read_example``) only checks
its shape and that every text parses; it never runs an engine, so loading and rendering the
course stay fast. All maths is read by the safe parser, whoever wrote the file.
"""

from __future__ import annotations

import signal
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

import sympy as sp

from nablalab import calculus
from nablalab.assess import compare
from nablalab.mathinput import MathInputError, latex, parse, plain_text
from nablalab.taylor import taylor_multivariate, taylor_series
from nablalab.timelimit import ComputationTimeout, call_with_timeout

FENCE_INFO = "example"
TIME_LIMIT = 20.0  # seconds for one example: SymPy's integrate can be slow on a hard integral

# operation -> (required fields, optional fields) beyond operation/expression/variables/result
OPERATIONS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "derivative": (frozenset({"wrt"}), frozenset({"order", "at"})),
    "partial": (frozenset({"wrt"}), frozenset({"at"})),
    "gradient": (frozenset(), frozenset({"at"})),
    "jacobian": (frozenset(), frozenset({"at"})),
    "hessian": (frozenset(), frozenset({"at"})),
    "evaluate": (frozenset({"at"}), frozenset()),
    "taylor": (frozenset({"about", "order"}), frozenset()),
    "integral": (frozenset({"wrt"}), frozenset({"lower", "upper"})),
    "equal": (frozenset(), frozenset()),
}
_COMMON = frozenset({"operation", "expression", "variables", "result"})
_VECTOR_OPERATIONS = {"jacobian", "evaluate", "equal"}  # may take a list of expressions
MAX_ORDER = 10

Text = str
Shaped = Text | tuple[Text, ...] | tuple[tuple[Text, ...], ...]


class ExampleError(ValueError):
    """An ``example`` block an author must fix; the message says what and how."""


@dataclass(frozen=True)
class Example:
    """One worked example as written: texts in the safe parser's syntax, not yet computed."""

    operation: str
    expression: Text | tuple[Text, ...]
    variables: tuple[str, ...]
    result: Shaped
    wrt: tuple[str, ...] = ()
    order: int = 1
    at: tuple[tuple[str, Text], ...] = ()
    about: tuple[tuple[str, Text], ...] = ()
    lower: Text | None = None
    upper: Text | None = None

    @property
    def label(self) -> str:
        expression = (", ".join(self.expression) if isinstance(self.expression, tuple)
                      else self.expression)
        return f"example ({self.operation} of {expression})"


@dataclass(frozen=True)
class Verification:
    """The engines' verdict on one example: ``ok``, and if not, a message saying why."""

    ok: bool
    message: str = ""
    computed: str = ""


def read_example(source: str) -> Example:
    """The example in one block's TOML, checked: a known operation, the fields it needs and
    no others, and texts that parse with the declared variables."""
    try:
        raw = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        raise ExampleError(f"example block is not valid TOML: {error}") from None
    operation = raw.get("operation")
    if operation not in OPERATIONS:
        raise ExampleError(f"example block: operation must be one of {', '.join(OPERATIONS)}"
                           f" (got {operation!r})")
    required, optional = OPERATIONS[operation]
    missing = sorted((_COMMON | required) - set(raw))
    if missing:
        raise ExampleError(f"example block ({operation}): missing field(s) {', '.join(missing)}")
    unknown = sorted(set(raw) - _COMMON - required - optional)
    if unknown:
        allowed = ", ".join(sorted(_COMMON | required | optional))
        raise ExampleError(f"example block ({operation}): unknown field(s) "
                           f"{', '.join(unknown)} (allowed here: {allowed})")
    example = Example(
        operation=operation, expression=_expression(raw["expression"], operation),
        variables=_names(raw["variables"], "variables"), result=_shaped(raw["result"]),
        wrt=_names(raw.get("wrt", []), "wrt"), order=_order(raw.get("order", 1)),
        at=_point(raw.get("at"), "at"), about=_point(raw.get("about"), "about"),
        lower=_text_or_none(raw.get("lower"), "lower"),
        upper=_text_or_none(raw.get("upper"), "upper"))
    _check_consistency(example)
    return example


def _expression(value: Any, operation: str) -> Text | tuple[Text, ...]:
    if isinstance(value, list) and operation in _VECTOR_OPERATIONS and value and all(
            isinstance(item, str) and item.strip() for item in value):
        return tuple(value)
    if isinstance(value, str) and value.strip():
        return value
    kinds = "text or a list of texts" if operation in _VECTOR_OPERATIONS else "text"
    raise ExampleError(f"example block ({operation}): expression must be non-empty {kinds}")


def _names(value: Any, field: str) -> tuple[str, ...]:
    names = [value] if isinstance(value, str) else value
    if not (isinstance(names, list) and all(isinstance(n, str) and n.isidentifier()
                                            for n in names)):
        raise ExampleError(f'example block: {field} must be a list of variable names, '
                           f'e.g. ["x", "y"]')
    return tuple(names)


def _shaped(value: Any) -> Shaped:
    """A text, a list of texts (vector) or a list of lists of texts (matrix, rows alike)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, list) and value and all(isinstance(v, str | int | float)
                                                 and not isinstance(v, bool) for v in value):
        return tuple(str(v) for v in value)
    if (isinstance(value, list) and value and all(isinstance(row, list) for row in value)
            and len({len(row) for row in value}) == 1):
        return tuple(tuple(str(v) for v in row) for row in value)
    raise ExampleError("example block: result must be text, a list of texts (a vector) or a "
                       "list of equally long lists (a matrix)")


def _order(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_ORDER:
        raise ExampleError(f"example block: order must be a whole number from 0 to {MAX_ORDER}")
    return value


def _point(value: Any, field: str) -> tuple[tuple[str, Text], ...]:
    if value is None:
        return ()
    if not (isinstance(value, dict) and value and all(
            isinstance(v, str | int | float) and not isinstance(v, bool)
            for v in value.values())):
        raise ExampleError(f'example block: {field} must be a table of values, '
                           f'e.g. {field} = {{ x = "pi/2" }}')
    return tuple((name, str(v)) for name, v in value.items())


def _text_or_none(value: Any, field: str) -> Text | None:
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value
    raise ExampleError(f"example block: {field} must be a number or text such as \"pi\"")


def _check_consistency(example: Example) -> None:
    """Field values that fit together, and texts that all parse."""
    label = example.label
    names = set(example.variables)
    stray = [n for n in example.wrt + tuple(k for k, _ in example.at + example.about)
             if n not in names]
    if stray:
        raise ExampleError(f"{label}: {', '.join(stray)} not in variables "
                           f"[{', '.join(example.variables)}]")
    if example.operation in ("derivative", "integral") and len(example.wrt) != 1:
        raise ExampleError(f'{label}: wrt names one variable, e.g. wrt = "x"')
    if example.operation == "derivative" and example.order < 1:
        raise ExampleError(f"{label}: a derivative's order is 1 or more")
    if (example.lower is None) != (example.upper is None):
        raise ExampleError(f"{label}: give both lower and upper, or neither (an antiderivative)")
    if example.at and len(example.at) != len(example.variables):
        raise ExampleError(f"{label}: at must give a value for each of the variables")
    if example.operation == "taylor" and not example.about:
        raise ExampleError(f"{label}: about must give the expansion point")
    shape = _shape(example.result)
    wanted = _expected_shape(example)
    if wanted is not None and shape != wanted:
        raise ExampleError(f"{label}: result must be {wanted} for this operation "
                           f"(got {shape})")
    try:
        for text in _texts(example.expression):
            parse(text, example.variables)
        for text in _texts(example.result):
            parse(text, example.variables)
        for text in [v for _, v in example.at + example.about]:
            parse(text, [])
        for text in [t for t in (example.lower, example.upper) if t is not None]:
            parse(text, example.variables)  # an inner bound may depend on an outer variable
    except MathInputError as error:
        raise ExampleError(f"{label}: a text does not parse: {error}") from None


def _shape(value: Shaped) -> str:
    if isinstance(value, str):
        return "a single text"
    if isinstance(value[0], tuple):
        return "a matrix (a list of lists)"
    return "a vector (a list of texts)"


def _expected_shape(example: Example) -> str | None:
    vector_function = isinstance(example.expression, tuple)
    if example.operation in ("hessian", "jacobian"):
        return "a matrix (a list of lists)"
    if example.operation == "gradient":
        return "a vector (a list of texts)"
    if example.operation in ("evaluate", "equal"):
        return "a vector (a list of texts)" if vector_function else "a single text"
    return "a single text"


def _texts(value: Shaped) -> list[Text]:
    if isinstance(value, str):
        return [value]
    return [text for item in value for text in _texts(item)]


# --- verification: recompute with the engines -------------------------------------------

def verify_example(example: Example, time_limit: float = TIME_LIMIT) -> Verification:
    """Recompute the example with the engines and compare with its stated result, in a child
    process that is killed after ``time_limit`` seconds."""
    try:
        return call_with_timeout(_verify, example, timeout=time_limit)
    except ComputationTimeout:
        return Verification(False, f"the engines did not finish within {time_limit:g} s")


def verify_examples(batch: Sequence[Example], time_limit: float = TIME_LIMIT
                    ) -> list[Verification]:
    """Verify many examples in one child process (a fork per example costs more than most
    examples), each still stopped after ``time_limit`` seconds by an alarm; should the child
    hang where no alarm reaches it, each example is verified again in a child of its own."""
    if not batch:
        return []
    try:
        return call_with_timeout(_verify_batch, list(batch), time_limit,
                                 timeout=time_limit * len(batch) + 10)
    except ComputationTimeout:
        return [verify_example(example, time_limit) for example in batch]


class _Overtime(BaseException):
    """Raised by the alarm; a BaseException, so SymPy's own ``except Exception`` lets it by."""


def _verify_batch(batch: list[Example], time_limit: float) -> list[Verification]:
    def overtime(_signum: int, _frame: object) -> None:
        raise _Overtime

    signal.signal(signal.SIGALRM, overtime)  # in the child process only
    verdicts = []
    for example in batch:
        signal.setitimer(signal.ITIMER_REAL, time_limit)
        try:
            verdicts.append(_verify(example))
        except _Overtime:
            verdicts.append(Verification(
                False, f"the engines did not finish within {time_limit:g} s"))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return verdicts


def _verify(example: Example) -> Verification:
    try:
        computed = compute(example)
    except (calculus.CalculusError, MathInputError, ValueError, TypeError) as error:
        return Verification(False, f"the engines cannot compute it: {error}")
    stated = _sympy(example.result, example.variables)
    if example.operation == "integral" and example.lower is None:
        return _verify_antiderivative(example, stated, computed)
    return _agreement(stated, computed)


def _verify_antiderivative(example: Example, stated: sp.Expr, computed: sp.Expr
                           ) -> Verification:
    """Up to a constant: the stated antiderivative must differentiate back to the integrand."""
    (x,) = _symbols(example.wrt, stated, computed)
    integrand = _sympy(example.expression, example.variables)
    verdict = _agreement(sp.diff(stated, x), integrand)
    if verdict.ok:
        return verdict
    return Verification(False, f"its derivative is not the integrand; the engines give "
                               f"{plain_text(computed)} (+ C)", plain_text(computed))


def _agreement(stated: sp.Basic, computed: sp.Basic) -> Verification:
    shown = plain_text(computed)
    if isinstance(computed, sp.MatrixBase) != isinstance(stated, sp.MatrixBase) or (
            isinstance(computed, sp.MatrixBase) and computed.shape != stated.shape):
        return Verification(False, f"the result has the wrong shape; the engines give {shown}",
                            shown)
    pairs = (zip(stated, computed, strict=True) if isinstance(computed, sp.MatrixBase)
             else [(stated, computed)])
    for mine, theirs in pairs:
        if not compare(mine, theirs).equivalent:
            return Verification(False, f"the stated result is not what the engines give: "
                                       f"{shown}", shown)
    return Verification(True, computed=shown)


def compute(example: Example) -> sp.Basic:
    """The engines' answer to the example's operation (exact SymPy)."""
    return _COMPUTE[example.operation](example)


def _sympy(value: Shaped, variables: Sequence[str]) -> sp.Basic:
    if isinstance(value, str):
        return parse(value, variables).expr
    if isinstance(value[0], tuple):
        return sp.ImmutableMatrix([[parse(t, variables).expr for t in row] for row in value])
    return sp.ImmutableMatrix([parse(t, variables).expr for t in value])


def _at(pairs: tuple[tuple[str, Text], ...]) -> dict[str, sp.Expr] | None:
    return {name: parse(text, []).expr for name, text in pairs} or None


def _symbols(names: Sequence[str], *exprs: sp.Basic) -> tuple[sp.Symbol, ...]:
    return tuple(_variable(name, exprs) for name in names)


def _variable(name: str, exprs: Sequence[sp.Basic]) -> sp.Symbol:
    for expr in exprs:
        for symbol in expr.free_symbols:
            if symbol.name == name:
                return symbol
    return parse(name, [name]).expr


def _value_or_result(result: calculus.CalculusResult) -> sp.Basic:
    return result.value if result.value is not None else result.result


def _derivative(example: Example) -> sp.Basic:
    return _value_or_result(calculus.differentiate(
        example.expression, wrt=example.wrt[0], order=example.order, at=_at(example.at),
        variables=example.variables))


def _partial(example: Example) -> sp.Basic:
    # One variable at a time: successive partials may repeat a variable (f_xxy).
    current = parse(example.expression, example.variables).expr
    for name in example.wrt:
        current = calculus.differentiate(current, wrt=name, variables=example.variables).result
    return _substituted(current, example.at) if example.at else current


def _gradient(example: Example) -> sp.Basic:
    return _value_or_result(calculus.gradient(
        parse(example.expression, example.variables).expr, list(example.variables),
        at=_at(example.at)))


def _jacobian(example: Example) -> sp.Basic:
    components = [parse(text, example.variables).expr for text in _texts(example.expression)]
    return _value_or_result(calculus.jacobian(components, list(example.variables),
                                              at=_at(example.at)))


def _hessian(example: Example) -> sp.Basic:
    return _value_or_result(calculus.hessian(
        parse(example.expression, example.variables).expr, list(example.variables),
        at=_at(example.at)))


def _evaluate(example: Example) -> sp.Basic:
    return _substituted(_sympy(example.expression, example.variables), example.at)


def _substituted(expr: sp.Basic, pairs: tuple[tuple[str, Text], ...]) -> sp.Basic:
    point = {_variable(name, [expr]): parse(text, []).expr for name, text in pairs}
    value = expr.xreplace(point)
    return value.applyfunc(sp.simplify) if isinstance(value, sp.MatrixBase) else sp.simplify(value)


def _taylor(example: Example) -> sp.Basic:
    names = [name for name, _ in example.about]
    point = [text for _, text in example.about]
    if len(names) == 1:
        return taylor_series(example.expression, point[0], example.order, variable=names[0],
                             with_convergence=False).polynomial
    return taylor_multivariate(example.expression, point, example.order,
                               variables=names).polynomial


def _integral(example: Example) -> sp.Basic:
    expr = parse(example.expression, example.variables).expr
    (x,) = _symbols(example.wrt, expr)
    if example.lower is None:
        return sp.integrate(expr, x)
    lower = parse(example.lower, example.variables).expr
    upper = parse(example.upper, example.variables).expr
    return sp.simplify(sp.integrate(expr, (x, lower, upper)))


def _equal(example: Example) -> sp.Basic:
    return _sympy(example.expression, example.variables)


_COMPUTE: dict[str, Callable[[Example], sp.Basic]] = {
    "derivative": _derivative, "partial": _partial, "gradient": _gradient,
    "jacobian": _jacobian, "hessian": _hessian, "evaluate": _evaluate, "taylor": _taylor,
    "integral": _integral, "equal": _equal,
}


# --- rendering: the "Worked result" box ---------------------------------------------------

def statement_latex(example: Example) -> str:
    """The example as one typeset equation, e.g. \\frac{d}{dx}\\left(x^{2}\\right) = 2 x."""
    variables = example.variables
    f = _tex(example.expression, variables)
    result = _tex(example.result, variables)
    at = _where(example.at)
    operation = example.operation
    if operation == "derivative":
        x = _name(example.wrt[0])
        n = example.order
        operator = (rf"\frac{{d}}{{d{x}}}" if n == 1 else rf"\frac{{d^{{{n}}}}}{{d{x}^{{{n}}}}}")
        left = rf"{operator}\left({f}\right)"
    elif operation == "partial":
        n = len(example.wrt)
        below = r"\,".join(rf"\partial {_name(v)}" for v in reversed(example.wrt))
        top = r"\partial" if n == 1 else rf"\partial^{{{n}}}"
        left = rf"\frac{{{top}}}{{{below}}}\left({f}\right)"
    elif operation == "gradient":
        left = rf"\nabla\left({f}\right)"
    elif operation == "jacobian":
        left = rf"J\left({f}\right)"
    elif operation == "hessian":
        left = rf"H\left({f}\right)"
    elif operation == "evaluate":
        left = f
    elif operation == "taylor":
        about = ", ".join(f"{_name(n)} = {_tex(v, [])}" for n, v in example.about)
        order = rf"\text{{order {example.order} about }} {about}"
        return rf"{f} \approx {result} \quad \left({order}\right)"
    elif operation == "integral":
        x = _name(example.wrt[0])
        if example.lower is None:
            return rf"\int {f}\,d{x} = {result} + C"
        bounds = (f"_{{{_tex(example.lower, variables)}}}"
                  f"^{{{_tex(example.upper, variables)}}}")
        return rf"\int{bounds} {f}\,d{x} = {result}"
    else:  # equal
        left = f
    if at:
        left = rf"\left.{left}\right|_{{{at}}}"
    return f"{left} = {result}"


def _tex(value: Shaped, variables: Sequence[str]) -> str:
    if isinstance(value, str):
        return latex(parse(value, variables).expr)
    if isinstance(value[0], tuple):
        rows = r" \\ ".join(" & ".join(_tex(cell, variables) for cell in row) for row in value)
    else:
        rows = r" \\ ".join(_tex(cell, variables) for cell in value)
    return rf"\begin{{bmatrix}} {rows} \end{{bmatrix}}"


def _name(variable: str) -> str:
    return latex(parse(variable, [variable]).expr)


def _where(pairs: tuple[tuple[str, Text], ...]) -> str:
    return ", ".join(f"{_name(name)} = {_tex(text, [])}" for name, text in pairs)


def example_html(example: Example) -> str:
    """A small box under the prose that derived it: the result, typeset by KaTeX."""
    return ('<aside class="worked-result" aria-label="Worked result">'
            '<p class="worked-result-label">Worked result</p>'
            f'<p class="worked-result-maths">\\[{escape(statement_latex(example), quote=False)}'
            '\\]</p></aside>\n')
