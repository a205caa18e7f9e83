"""The derivative rule tree: one differentiation, explained rule by rule.

``derive`` walks the expression the way a learner would: constants, sums, constant
multiples, products, quotients (recognised from negative powers, since SymPy stores
``a/b`` as ``a*b**-1``), powers, exponentials, logarithmic differentiation and the chain
rule around every elementary function. Repeated sub-expressions are derived once and
referred back to, so the tree never shows the same step twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import sympy as sp

from nablalab.calculus.elementary import TABLE
from nablalab.calculus.notation import d_operator, parenthesised, plain
from nablalab.calculus.steps import Step

_CHAIN_LETTERS = ("u", "v", "w", "s", "r", "q")
_FACTOR_LETTERS = ("f", "g", "h", "k")


@dataclass
class Derivation:
    """What one step tree needs to know: the variable, and what it has already shown."""

    var: sp.Symbol
    partial: bool
    taken_names: frozenset[str]
    known: dict[tuple[sp.Symbol, sp.Basic], sp.Expr] = field(default_factory=dict)
    shown: set[tuple[str, sp.Basic, sp.Basic]] = field(default_factory=set)
    chain_depth: int = 0
    hidden: set[int] = field(default_factory=set)

    @property
    def op(self) -> str:
        return d_operator(self.var, self.partial)

    def chain_symbol(self) -> sp.Symbol:
        """A fresh name for the inner function: u, then v, w ... for nested chains."""
        free = [n for n in _CHAIN_LETTERS if n not in self.taken_names]
        if self.chain_depth < len(free):
            return sp.Symbol(free[self.chain_depth])
        return sp.Symbol(f"u_{self.chain_depth}")

    def visible(self, steps: list[Step]) -> list[Step]:
        """Steps worth showing: a result already referred back to is not referred to again."""
        return [s for s in steps if id(s) not in self.hidden]

    def first_time(self, rule: str, expression: sp.Basic, result: sp.Basic) -> bool:
        """True the first time a (rule, expression, result) step is shown; records it."""
        key = (rule, expression, result)
        if key in self.shown:
            return False
        self.shown.add(key)
        return True


def derive(expr: sp.Expr, ctx: Derivation) -> Step:
    """The step tree of d(expr)/d(ctx.var)."""
    key = (ctx.var, expr)
    if key in ctx.known:
        return _earlier(expr, ctx.known[key], ctx)
    step = _dispatch(expr, ctx)
    ctx.known[key] = step.result
    return step


def _dispatch(expr: sp.Expr, ctx: Derivation) -> Step:
    x = ctx.var
    if not expr.has(x):
        return _constant(expr, ctx)
    if expr == x:
        return Step("identity", expr, sp.S.One, f"{ctx.op} {x} = 1.")
    if expr.is_Add:
        return _sum(expr, ctx)
    if expr.is_Mul:
        return _mul(expr, ctx)
    if expr.is_Pow:
        return _pow(expr, ctx)
    entry = TABLE.get(type(expr))
    if entry is not None and len(expr.args) == 1:
        return _function(expr, entry.family, entry.derivative, ctx)
    return known_derivative(expr, ctx)


def _earlier(expr: sp.Expr, result: sp.Expr, ctx: Derivation) -> Step:
    if not ctx.first_time("earlier result", expr, result):
        step = Step("earlier result", expr, result, "")
        ctx.hidden.add(id(step))
        return step
    text = f"Already found above: {ctx.op} {parenthesised(expr)} = {plain(result)}."
    return Step("earlier result", expr, result, text)


def _constant(expr: sp.Expr, ctx: Derivation) -> Step:
    held = sorted(str(s) for s in expr.free_symbols)
    if held:
        names = ", ".join(held)
        verb = "is" if len(held) == 1 else "are"
        why = f"{names} {verb} held constant, so {plain(expr)} does not change with {ctx.var}"
    else:
        why = f"{plain(expr)} is a constant"
    return Step("constant", expr, sp.S.Zero, f"{why}: {ctx.op} {parenthesised(expr)} = 0.")


def _sum(expr: sp.Expr, ctx: Derivation) -> Step:
    terms = expr.as_ordered_terms()
    subs = [derive(t, ctx) for t in terms]
    pieces = " + ".join(f"{ctx.op} {parenthesised(t)}" for t in terms)
    text = (f"Sum rule: differentiate each term separately and add: "
            f"{ctx.op} ({plain(expr)}) = {pieces}.")
    return Step("sum", expr, sp.Add(*(s.result for s in subs)), text, ctx.visible(subs))


def _mul(expr: sp.Expr, ctx: Derivation) -> Step:
    const, rest = expr.as_independent(ctx.var, as_Add=False)
    if const != 1:
        return _constant_multiple(expr, const, rest, ctx)
    factors = sp.Mul.make_args(rest)
    denominators = [f for f in factors if _is_reciprocal(f)]
    if denominators:
        numerator = sp.Mul(*(f for f in factors if f not in denominators))
        denominator = sp.Mul(*(1 / f for f in denominators))
        return _quotient(expr, numerator, denominator, ctx)
    return _product(expr, factors, ctx)


def _is_reciprocal(factor: sp.Expr) -> bool:
    """A factor the learner wrote below a fraction bar: base^(negative exponent)."""
    return factor.is_Pow and factor.exp.could_extract_minus_sign()


def _constant_multiple(expr: sp.Expr, const: sp.Expr, rest: sp.Expr, ctx: Derivation) -> Step:
    base = _log_base(const)
    if base is not None and isinstance(rest, sp.log):
        arg = rest.args[0]
        const, rest = const * sp.log(base), rest / sp.log(base)
        inner = _log_with_base(rest, arg, base, ctx)
        if const == 1:
            return inner
    else:
        inner = derive(rest, ctx)
    held = ""
    if const.free_symbols:
        held = f" ({', '.join(sorted(map(str, const.free_symbols)))} held constant)"
    if const == -1:
        text = (f"Constant multiple rule: the minus sign stays in front, so "
                f"{ctx.op} ({plain(expr)}) = -{ctx.op} {parenthesised(rest)}.")
    else:
        text = (f"Constant multiple rule: the factor {plain(const)}{held} does not depend on "
                f"{ctx.var}, so {ctx.op} ({plain(expr)}) = {plain(const)} · "
                f"{ctx.op} {parenthesised(rest)}.")
    return Step("constant multiple", expr, const * inner.result, text, ctx.visible([inner]))


def _log_base(const: sp.Expr) -> sp.Expr | None:
    """b when the constant factor contains 1/ln(b): SymPy's form of log_b."""
    for factor in sp.Mul.make_args(const):
        if factor.is_Pow and factor.exp == -1 and isinstance(factor.base, sp.log):
            return factor.base.args[0]
    return None


def _log_with_base(expr: sp.Expr, arg: sp.Expr, base: sp.Expr, ctx: Derivation) -> Step:
    def outer(s: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
        return sp.log(s) / sp.log(base), 1 / (s * sp.log(base))

    def explain(s: sp.Symbol, f_s: sp.Expr, df_s: sp.Expr, op: str) -> str:
        return (f"Logarithm with base {base}: log_b(s) = ln(s)/ln(b), so "
                f"{op} log_{base}({s}) = {plain(df_s)}.")

    return _outer_rule(expr, arg, "log base", outer, explain, ctx)


def _product(expr: sp.Expr, factors: tuple[sp.Expr, ...], ctx: Derivation) -> Step:
    subs = [derive(f, ctx) for f in factors]
    terms = [sp.Mul(*factors[:i], sub.result, *factors[i + 1:]) for i, sub in enumerate(subs)]
    n = len(factors)
    names = list(_FACTOR_LETTERS) if n <= len(_FACTOR_LETTERS) else [f"f{i + 1}" for i in range(n)]
    names = names[:n]
    pattern = " + ".join(
        "·".join(f"{name}'" if j == i else name for j, name in enumerate(names)) for i in range(n)
    )
    given = ", ".join(f"{name} = {plain(f)}" for name, f in zip(names, factors, strict=True))
    lead = "Product rule" if n == 2 else f"Product rule for {n} factors (one factor at a time)"
    text = f"{lead}: ({'·'.join(names)})' = {pattern}, with {given}."
    return Step("product", expr, sp.Add(*terms), text, ctx.visible(subs))


def _quotient(expr: sp.Expr, top: sp.Expr, bottom: sp.Expr, ctx: Derivation) -> Step:
    subs = [derive(top, ctx), derive(bottom, ctx)]
    d_top, d_bottom = (s.result for s in subs)
    result = (d_top * bottom - top * d_bottom) / bottom**2
    text = (f"Quotient rule: (f/g)' = (f'·g − f·g')/g^2, with f = {plain(top)} "
            f"and g = {plain(bottom)}.")
    return Step("quotient", expr, result, text, ctx.visible(subs))


def _pow(expr: sp.Expr, ctx: Derivation) -> Step:
    base, exponent = expr.base, expr.exp
    x = ctx.var
    if not exponent.has(x):
        return _outer_rule(expr, base, "power", *_power_rule(exponent), ctx)
    if not base.has(x):
        return _outer_rule(expr, exponent, "exponential", *_exponential_rule(base), ctx)
    return _logarithmic(expr, base, exponent, ctx)


def _power_rule(n: sp.Expr) -> tuple[Callable, Callable]:
    def outer(s: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
        return s**n, n * s ** (n - 1)

    def explain(s: sp.Symbol, f_s: sp.Expr, df_s: sp.Expr, op: str) -> str:
        return (f"Power rule: {op} {s}^n = n·{s}^(n-1); here n = {plain(n)}, so "
                f"{op} {plain(f_s)} = {plain(df_s)}.")

    return outer, explain


def _exponential_rule(a: sp.Expr) -> tuple[Callable, Callable]:
    def outer(s: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
        return a**s, a**s * sp.log(a)

    def explain(s: sp.Symbol, f_s: sp.Expr, df_s: sp.Expr, op: str) -> str:
        return (f"Exponential rule: {op} a^{s} = a^{s}·ln(a); here a = {plain(a)}, so "
                f"{op} {plain(f_s)} = {plain(df_s)}.")

    return outer, explain


def _logarithmic(expr: sp.Expr, base: sp.Expr, exponent: sp.Expr, ctx: Derivation) -> Step:
    log_form = exponent * sp.log(base)
    sub = derive(log_form, ctx)
    text = (f"Logarithmic differentiation: both the base and the exponent depend on {ctx.var}. "
            f"Write y = {plain(expr)}, so ln(y) = {plain(log_form)}; differentiating both "
            f"sides gives y'/y = {ctx.op} ({plain(log_form)}), hence "
            f"y' = {plain(expr)} · ({plain(sub.result)}).")
    return Step("logarithmic differentiation", expr, expr * sub.result, text, ctx.visible([sub]))


def _function(expr: sp.Expr, family: str, derivative: Callable, ctx: Derivation) -> Step:
    func = type(expr)

    def outer(s: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
        return func(s), derivative(s)

    def explain(s: sp.Symbol, f_s: sp.Expr, df_s: sp.Expr, op: str) -> str:
        text = f"{op} {plain(f_s)} = {plain(df_s)}"
        if func is sp.Abs:
            text += f" (that is {s}/|{s}| for {s} ≠ 0; |{s}| has no derivative at 0)"
        return text + "."

    return _outer_rule(expr, expr.args[0], family, outer, explain, ctx)


def _outer_rule(expr: sp.Expr, inner: sp.Expr, rule: str, outer: Callable, explain: Callable,
                ctx: Derivation) -> Step:
    """Apply an outer rule directly when its argument is the variable, else via the chain rule.

    ``outer(s)`` gives (f(s), f'(s)); ``explain(s, f(s), f'(s), op)`` is the sentence.
    """
    x = ctx.var
    if inner == x:
        f_x, df_x = outer(x)
        return Step(rule, expr, df_x, explain(x, f_x, df_x, ctx.op))
    u = ctx.chain_symbol()
    f_u, df_u = outer(u)
    substeps = []
    if ctx.first_time(rule, f_u, df_u):
        substeps.append(Step(rule, f_u, df_u, explain(u, f_u, df_u, f"d/d{u}")))
    ctx.chain_depth += 1
    try:
        inner_step = derive(inner, ctx)
    finally:
        ctx.chain_depth -= 1
    substeps.extend(ctx.visible([inner_step]))
    result = df_u.xreplace({u: inner}) * inner_step.result
    d = "∂" if ctx.partial else "d"
    text = (f"Apply the chain rule with {u} = {plain(inner)}: "
            f"{ctx.op} {plain(f_u)} = {parenthesised(df_u)} · {d}{u}/{d}{x}.")
    return Step("chain", expr, result, text, substeps)


def known_derivative(expr: sp.Expr, ctx: Derivation) -> Step:
    result = sp.diff(expr, ctx.var)
    text = (f"No step-by-step rule covers {plain(expr)}; its derivative comes from SymPy's "
            f"table: {ctx.op} {parenthesised(expr)} = {plain(result)}.")
    return Step("known derivative", expr, result, text)

