"""The grammar: a recursive-descent parser that builds SymPy objects directly.

Learner text is never handed to Python or to SymPy's own parsers; every name is looked up
in the whitelist (``names``) or the declared variables. Grammar, lowest precedence first::

    input      := equation | list
    list       := '[' input_item (',' input_item)* ']'        (vectors, matrices)
    equation   := sum ['=' sum]
    sum        := product (('+' | '-') product)*
    product    := signed (('*' | '/' | <juxtaposition>) factor)*
    signed     := ('-' | '+') signed | power
    power      := postfix ['^' signed | SUPERSCRIPT]           (right-associative)
    postfix    := primary '!'*
    primary    := NUMBER | name | call | '(' sum ')' | '|' sum '|' | '√' postfix

Juxtaposition is multiplication at the same precedence as '*', read left to right, so
``1/2x`` is x/2 (the "interpreted as" display shows it). A function without brackets takes
the juxtaposed factors after it: ``sin 2x cos x`` is sin(2x)·cos(x).
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import sympy as sp

from nablalab.mathinput.errors import MathInputError
from nablalab.mathinput.names import (
    CONSTANTS,
    FUNCTIONS,
    GREEK_LETTERS,
    GREEK_NAMES,
    FunctionSpec,
    symbol,
)
from nablalab.mathinput.tokens import Kind, Token, tokenize

MAX_LENGTH = 2000
MAX_DEPTH = 100
MAX_DIGITS = 100
MAX_SYMBOLIC_EXPONENT = 10_000
MAX_FACTORIAL = 70
_NUMBER_BOUND = 10**MAX_DIGITS

_AUTO_SYMBOL = re.compile(
    r"^(?:[A-Za-z]|[A-Za-z]_?\d+|(?:{})(?:_?\d+)?)$".format("|".join(GREEK_NAMES)))
_LOG_WITH_BASE = re.compile(r"^log_(\d+)$")
_FACTOR_STARTS = {"(", "|", "√"}
# Without declared variables, only short runs of letters are read as products (xy, xyz):
# longer words (open, import) and these function-like names are far likelier mistakes.
_MAX_UNDECLARED_RUN = 3
_NOT_A_PRODUCT = frozenset({"max", "min", "sum", "int", "lim", "det", "mod", "gcd", "lcm",
                            "and", "not", "for", "def", "del", "try", "arg"})


class Parser:
    """One parse of one text. ``variables=None`` accepts any plain variable name."""

    def __init__(self, text: str, variables: Sequence[str] | None) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.index = 0
        self.depth = 0
        self.abs_depth = 0
        self.variables = None if variables is None else frozenset(
            GREEK_LETTERS.get(name, name) for name in variables)

    # ----------------------------------------------------------------- token helpers
    @property
    def current(self) -> Token:
        return self.tokens[self.index]

    def advance(self) -> Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def at_op(self, *ops: str) -> bool:
        return self.current.kind is Kind.OP and self.current.text in ops

    def expect(self, op: str, opened_at: Token) -> None:
        if self.at_op(op):
            self.advance()
            return
        raise self.error(
            f"'{opened_at.text}' at character {opened_at.position + 1} is never closed",
            self.current, hint=f"Add a closing '{op}'.",
        )

    def error(self, message: str, token: Token | None = None, hint: str | None = None):
        position = None if token is None else min(token.position, max(len(self.text) - 1, 0))
        return MathInputError(message, position=position, hint=hint, text=self.text)

    @contextmanager
    def nested(self) -> Iterator[None]:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.error(
                f"the expression is nested too deeply (more than {MAX_DEPTH} levels)",
                self.current, hint="Simplify the brackets or split the expression.",
            )
        try:
            yield
        finally:
            self.depth -= 1

    # ----------------------------------------------------------------------- grammar
    def parse(self) -> sp.Basic:
        if self.current.kind is Kind.END:
            raise self.error("the answer is empty", hint="Type an expression, e.g. 2*x + 1.")
        result = self.parse_list() if self.at_op("[") else self.parse_equation()
        if self.current.kind is not Kind.END:
            raise self.unexpected(self.current)
        return result

    def parse_list(self) -> sp.Matrix:
        opening = self.advance()
        items = []
        with self.nested():
            while True:
                items.append(self.parse_list() if self.at_op("[") else self.parse_sum())
                if not self.at_op(","):
                    break
                self.advance()
            self.expect("]", opening)
        return _matrix(items, self, opening)

    def parse_equation(self) -> sp.Basic:
        left = self.parse_sum()
        if not self.at_op("="):
            return left
        self.advance()
        right = self.parse_sum()
        return sp.Eq(left, right, evaluate=False)

    def parse_sum(self) -> sp.Expr:
        terms = [self.parse_product()]
        while self.at_op("+", "-"):
            sign = self.advance().text
            term = self.parse_product()
            terms.append(term if sign == "+" else -term)
        return terms[0] if len(terms) == 1 else sp.Add(*terms)

    def parse_product(self) -> sp.Expr:
        result = self.parse_signed()
        while True:
            if self.at_op("*", "/"):
                operator = self.advance()
                if self.at_op("*", "/", "^"):
                    raise self.unexpected(self.current)
                operand = self.parse_signed()
                result = result * operand if operator.text == "*" else self.divide(
                    result, operand, operator)
            elif self.starts_factor():
                if self.tokens[self.index - 1].kind is Kind.NUMBER and (
                        self.current.kind is Kind.NUMBER):
                    raise self.error(
                        "two numbers stand next to each other", self.current,
                        hint=f"Write {self.tokens[self.index - 1].text}*{self.current.text} "
                        f"for a product, or remove the space.",
                    )
                result = result * self.parse_signed()
            else:
                return result

    def starts_factor(self) -> bool:
        token = self.current
        if token.kind in (Kind.NUMBER, Kind.NAME):
            return True
        if token.kind is Kind.OP and token.text in _FACTOR_STARTS:
            return not (token.text == "|" and self.abs_depth > 0)
        return False

    def parse_signed(self) -> sp.Expr:
        if self.at_op("-", "+"):
            sign = self.advance().text
            with self.nested():
                operand = self.parse_signed()
            return -operand if sign == "-" else operand
        return self.parse_power()

    def parse_power(self) -> sp.Expr:
        base_token = self.current
        base = self.parse_postfix()
        if self.current.kind is Kind.SUPERSCRIPT:
            token = self.advance()
            return self.power(base, self.superscript_value(token), base_token)
        if not self.at_op("^"):
            return base
        caret = self.advance()
        if self.current.kind is Kind.END:
            raise self.error("'^' needs an exponent after it", caret, hint="For example x^2.")
        with self.nested():
            exponent = self.parse_signed()
        return self.power(base, exponent, caret)

    def parse_postfix(self) -> sp.Expr:
        value = self.parse_primary()
        while self.at_op("!"):
            value = self.factorial(value, self.advance())
        return value

    def parse_primary(self) -> sp.Expr:
        token = self.current
        if token.kind is Kind.NUMBER:
            self.advance()
            return self.number(token)
        if token.kind is Kind.NAME:
            return self.parse_name()
        if token.kind is Kind.OP:
            if token.text == "(":
                self.advance()
                if self.at_op(")"):
                    raise self.error("empty brackets", token, hint="Put an expression inside ( ).")
                with self.nested():
                    value = self.parse_sum()
                self.expect(")", token)
                return value
            if token.text == "|":
                return self.parse_abs()
            if token.text == "√":
                self.advance()
                with self.nested():
                    return self.power(self.parse_postfix(), sp.Rational(1, 2), token)
            if token.text == "[":
                raise self.error(
                    "a vector or matrix must be the whole answer, not part of a formula", token,
                    hint="Type the vector on its own, e.g. [x, y].",
                )
        raise self.unexpected(token)

    def parse_abs(self) -> sp.Expr:
        opening = self.advance()
        self.abs_depth += 1
        with self.nested():
            value = self.parse_sum()
        self.abs_depth -= 1
        self.expect("|", opening)
        return sp.Abs(value)

    # ---------------------------------------------------------------- names and calls
    def parse_name(self) -> sp.Expr:
        token = self.advance()
        name = token.text
        if name in FUNCTIONS and not self.is_variable(name):
            return self.parse_call(name, FUNCTIONS[name], token)
        if (match := _LOG_WITH_BASE.match(name)) is not None:
            return self.parse_call("log", FUNCTIONS["log"], token, base=int(match.group(1)))
        return self.resolve(name, token)

    def is_variable(self, name: str) -> bool:
        return self.variables is not None and name in self.variables

    def resolve(self, name: str, token: Token) -> sp.Expr:
        """A name that is not a function: a variable, a constant, or letters run together."""
        name = GREEK_LETTERS.get(name, name)
        if self.is_variable(name):
            return symbol(name)
        if name in CONSTANTS:
            return CONSTANTS[name]
        if self.variables is None and _AUTO_SYMBOL.match(name):
            return symbol(name)
        parts = self.split_run_together(name)
        if parts is None or len(parts) == 1:
            raise self.unknown_name(name, token)
        # Read "xe^x" as the tokens x e ^ x, so a power binds to the last letter only.
        offsets = [sum(map(len, parts[:i])) for i in range(len(parts))]
        self.tokens[self.index - 1:self.index] = [
            Token(Kind.NAME, part, token.position + offset)
            for part, offset in zip(parts, offsets, strict=True)
        ]
        self.index -= 1
        return self.resolve(self.advance().text, token)

    def split_run_together(self, name: str) -> list[str] | None:
        """``xy`` -> [x, y] when every piece is a known variable or constant (fewest pieces)."""
        if any(name.startswith(f) for f in FUNCTIONS) or name in _NOT_A_PRODUCT:
            return None
        if self.variables is None and len(name) > _MAX_UNDECLARED_RUN and name not in (
                GREEK_NAMES) and not any(name.startswith(g) for g in GREEK_NAMES):
            return None
        atoms = {"e", "pi"} | (
            set(self.variables) if self.variables is not None
            else {c for c in name if c.isalpha()} | GREEK_NAMES)
        longest = max(map(len, atoms))
        best: list[list[str] | None] = [[]] + [None] * len(name)
        for end in range(1, len(name) + 1):
            for start in range(max(0, end - longest), end):
                previous = best[start]
                if previous is None or name[start:end] not in atoms:
                    continue
                if best[end] is None or len(previous) + 1 < len(best[end]):
                    best[end] = [*previous, name[start:end]]
        return best[len(name)]

    def unknown_name(self, name: str, token: Token) -> MathInputError:
        for function in sorted(FUNCTIONS, key=len, reverse=True):
            rest = name[len(function):]
            if name.startswith(function) and rest:
                return self.error(
                    f"unknown name '{name}'", token,
                    hint=f"Did you mean {function}({rest})? Put brackets around the argument.",
                )
        if self.variables is not None:
            return self.unknown_variable(name, token)
        letters = " ".join(name)
        return self.error(
            f"unknown name '{name}'", token,
            hint=f"For a product of variables, write them with a space or *: {letters}.",
        )

    def unknown_variable(self, name: str, token: Token) -> MathInputError:
        declared = sorted(self.variables or ())
        listing = ", ".join(declared) if declared else "none"
        case_matches = [v for v in declared if v.lower() == name.lower()]
        if case_matches:
            hint = f"Did you mean {case_matches[0]}? Variable names are case-sensitive."
        else:
            close = difflib.get_close_matches(name, [*declared, *FUNCTIONS, "pi", "e"], n=2)
            hint = f"Did you mean {' or '.join(close)}?" if close else None
        return self.error(
            f"unknown variable '{name}' (the variables here are: {listing})", token, hint=hint)

    def parse_call(
        self, name: str, spec: FunctionSpec, token: Token, base: int | None = None
    ) -> sp.Expr:
        power = self.parse_function_power(name, spec, token)
        if power == "inverse":
            name, spec = spec.inverse, FUNCTIONS[spec.inverse]
            power = None
        if self.at_op("("):
            args = self.parse_arguments(name, spec, token)
        elif self.starts_factor() or self.at_op("-"):
            args = [self.parse_implicit_argument()]
        else:
            raise self.error(
                f"{name} needs an argument", token, hint=f"Write it with brackets: {name}(x).")
        if base is not None:
            args.append(sp.Integer(base))
        value = self.apply(spec, args, name, token)
        return value if power is None else self.power(value, power, token)

    def parse_function_power(
        self, name: str, spec: FunctionSpec, token: Token) -> sp.Expr | str | None:
        """``sin^2 x`` is (sin x)^2 and ``sin^-1 x`` is arcsin x, as on paper."""
        if self.current.kind is Kind.SUPERSCRIPT:
            value = self.superscript_value(self.advance())
        elif self.at_op("^"):
            self.advance()
            bracketed = self.at_op("(")
            opening = self.current
            if bracketed:
                self.advance()
            sign = -1 if self.at_op("-") else 1
            if self.at_op("-", "+"):
                self.advance()
            if self.current.kind is not Kind.NUMBER:
                raise self.error(
                    f"a power of {name} must be a number, as in {name}^2(x)", self.current,
                    hint=f"For other powers write ({name}(x))^n.")
            value = sign * self.number(self.advance())
            if bracketed:
                self.expect(")", opening)
        else:
            return None
        if value == -1 and spec.inverse is not None:
            return "inverse"
        return value

    def parse_arguments(self, name: str, spec: FunctionSpec, token: Token) -> list[sp.Expr]:
        opening = self.advance()
        if self.at_op(")"):
            raise self.error(f"{name}() is missing its argument", token,
                             hint=f"Write {name}(x).")
        args = []
        with self.nested():
            args.append(self.parse_sum())
            while self.at_op(","):
                self.advance()
                args.append(self.parse_sum())
        self.expect(")", opening)
        return args

    def parse_implicit_argument(self) -> sp.Expr:
        """The bracket-free argument of ``sin x``: one factor, or a number and a factor.

        So ``sin 2x`` is sin(2x), ``sin x^2`` is sin(x^2), and ``sin x e^(cos x)`` is
        sin(x)·e^(cos x), as the course writes them.
        """
        first = self.tokens[self.index + 1] if self.at_op("-", "+") else self.current
        with self.nested():
            value = self.parse_signed()
            if first.kind is Kind.NUMBER and self.starts_factor() and not self.at_function():
                value = value * self.parse_power()
        return value

    def at_function(self) -> bool:
        token = self.current
        return token.kind is Kind.NAME and (
            (token.text in FUNCTIONS and not self.is_variable(token.text))
            or _LOG_WITH_BASE.match(token.text) is not None)

    def apply(self, spec: FunctionSpec, args: list[sp.Expr], name: str, token: Token) -> sp.Expr:
        if not spec.min_args <= len(args) <= spec.max_args:
            expected = (str(spec.min_args) if spec.min_args == spec.max_args
                        else f"{spec.min_args} or {spec.max_args}")
            raise self.error(
                f"{name} takes {expected} argument{'s' if expected != '1' else ''}, "
                f"but {len(args)} were given", token,
                hint="log(x, b) is the logarithm of x to base b." if name == "log" else None,
            )
        for arg in args:
            self.check_size(arg, token)
        if name == "factorial" and args[0].is_Number:
            return self.factorial(args[0], token)
        if name == "sqrt":
            return self.power(args[0], sp.Rational(1, 2), token)
        return spec.build(*args)

    # ---------------------------------------------------------------- numeric safety
    def number(self, token: Token) -> sp.Rational:
        mantissa, _, exponent = token.text.lower().partition("e")
        digits = len(mantissa.replace(".", "").lstrip("0"))
        scale = int(exponent) if exponent else 0
        if digits > MAX_DIGITS or abs(scale) > MAX_DIGITS:
            raise self.error(f"the number is too long (more than {MAX_DIGITS} digits)", token)
        return sp.Rational(token.text)

    def superscript_value(self, token: Token) -> sp.Integer:
        if not re.fullmatch(r"[-+]?\d+", token.text):
            raise self.error("a superscript must be a whole number, like ² or ⁻¹", token)
        return sp.Integer(token.text)

    def power(self, base: sp.Expr, exponent: sp.Expr, token: Token) -> sp.Expr:
        self.check_size(base, token)
        if exponent.is_Number and abs(exponent) > MAX_SYMBOLIC_EXPONENT:
            raise self.error(
                f"the exponent is too large (more than {MAX_SYMBOLIC_EXPONENT})", token)
        if base.is_Rational and exponent.is_Rational and abs(base) not in (0, 1):
            size = max(abs(base.p), abs(base.q))
            if float(abs(exponent)) * math.log10(size) > MAX_DIGITS:
                raise self.error(
                    f"the number is too large to work with (more than {MAX_DIGITS} digits)",
                    token, hint="Powers of powers like 9^9^9 grow astronomically fast.")
        if base == 0 and exponent.is_negative:
            raise self.error("division by zero: 0 to a negative power is undefined", token)
        return self.check_size(sp.Pow(base, exponent), token)

    def check_size(self, value: sp.Expr, token: Token) -> sp.Expr:
        """Refuse numbers so large that roots, logs or simplification of them would crawl."""
        if value.is_Rational and max(abs(value.p), value.q) >= _NUMBER_BOUND:
            raise self.error(
                f"a number in this expression is too large (more than {MAX_DIGITS} digits)",
                token, hint="Powers of powers like 9^9^9 grow astronomically fast.")
        return value

    def divide(self, numerator: sp.Expr, denominator: sp.Expr, token: Token) -> sp.Expr:
        if denominator == 0:
            raise self.error("division by zero", token, hint="The denominator is 0.")
        return numerator / denominator

    def factorial(self, value: sp.Expr, token: Token) -> sp.Expr:
        if value.is_Number and not (value.is_Integer and 0 <= value <= MAX_FACTORIAL):
            raise self.error(
                f"factorial needs a whole number from 0 to {MAX_FACTORIAL}", token)
        return sp.factorial(value)

    def unexpected(self, token: Token) -> MathInputError:
        if token.kind is Kind.END:
            return self.error("the expression ends too early", token,
                              hint="Something is missing at the end, e.g. after an operator.")
        if token.text == ")":
            return self.error("')' has no matching '('", token, hint="Remove it or add a '('.")
        if token.text == "|" and self.abs_depth == 0:
            return self.error("unexpected '|'", token)
        if token.text in ("*", "/", "^"):
            return self.error(f"'{token.text}' needs something on its left", token,
                              hint="Check for a doubled operator or a missing number.")
        if token.text == ",":
            return self.error("unexpected ','", token,
                              hint="Commas separate function arguments or vector entries; "
                              "use a point for decimals, as in 0.5.")
        if token.text == "=":
            return self.error("only one '=' is allowed", token)
        if token.text == "]":
            return self.error("']' has no matching '['", token)
        return self.error(f"unexpected {token.kind.value} '{token.text}'", token)


def _matrix(items: list[sp.Basic], parser: Parser, opening: Token) -> sp.Matrix:
    if all(isinstance(item, sp.MatrixBase) for item in items):
        rows = [list(item) for item in items]
        if len({len(row) for row in rows}) != 1:
            raise parser.error("the rows of this matrix have different lengths", opening,
                               hint="Every row needs the same number of entries.")
        return sp.Matrix(rows)
    if any(isinstance(item, sp.MatrixBase) for item in items):
        raise parser.error("mix of numbers and rows in a matrix", opening,
                           hint="Write a matrix as [[a, b], [c, d]].")
    return sp.Matrix(items)
