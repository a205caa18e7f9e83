"""Several variables at once: gradient, Jacobian, Hessian and the multivariate chain rule.

All entries of one answer share a single ``Derivation``, so a sub-expression that occurs in
several partial derivatives is derived once and referred back to afterwards.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import sympy as sp

from nablalab.calculus import inputs
from nablalab.calculus.errors import CalculusError
from nablalab.calculus.inputs import ExprLike
from nablalab.calculus.notation import plain
from nablalab.calculus.results import CalculusResult
from nablalab.calculus.rules import Derivation
from nablalab.calculus.simplification import tidy
from nablalab.calculus.single import derivative_stage, evaluate, new_derivation
from nablalab.calculus.steps import Step

Names = str | Sequence[str | sp.Symbol] | None
Point = str | Mapping | Sequence | None
EIGEN_TOLERANCE = 1e-10


def gradient(f: ExprLike, variables: Names = None, at: Point = None) -> CalculusResult:
    """∇f as a column vector, one explained partial derivative per variable."""
    expr = inputs.to_scalar(f)
    xs = _variables(variables, [expr])
    ctx = new_derivation(expr.free_symbols | set(xs), xs[0], partial=True)
    steps, partials = _partials(expr, xs, ctx)
    grad = sp.ImmutableMatrix(partials)
    steps.append(Step("gradient", expr, grad,
                      f"The gradient stacks the partial derivatives: ∇f = {plain(grad.T)}ᵀ."))
    result = CalculusResult("gradient", expr, grad, steps)
    result.extra["variables"] = [str(x) for x in xs]
    evaluate(result, inputs.point(at, xs))
    return result


def jacobian(fs: ExprLike | Sequence[ExprLike], variables: Names = None,
             at: Point = None) -> CalculusResult:
    """The matrix J[i, j] = ∂f_i/∂x_j of a vector function, built row by row."""
    components = inputs.to_vector(fs)
    xs = _variables(variables, components)
    ctx = new_derivation(set().union(*(c.free_symbols for c in components)) | set(xs), xs[0],
                         partial=len(xs) > 1)
    steps, matrix = _jacobian_steps(components, xs, ctx, "f")
    steps.append(Step("jacobian", sp.ImmutableMatrix(components), matrix,
                      f"Each row is the gradient of one component: J = {plain(matrix)}."))
    result = CalculusResult("jacobian", sp.ImmutableMatrix(components), matrix, steps)
    result.extra["variables"] = [str(x) for x in xs]
    evaluate(result, inputs.point(at, xs))
    return result


def hessian(f: ExprLike, variables: Names = None, at: Point = None) -> CalculusResult:
    """The symmetric matrix of second partials; at a point, the stationary point's kind."""
    expr = inputs.to_scalar(f)
    xs = _variables(variables, [expr])
    ctx = new_derivation(expr.free_symbols | set(xs), xs[0], partial=True)
    steps, first = _partials(expr, xs, ctx)
    n = len(xs)
    entries: dict[tuple[int, int], sp.Expr] = {}
    for i in range(n):
        for j in range(i, n):
            stage, entries[i, j] = derivative_stage(first[i], xs[j], ctx)
            name = f"∂{xs[i]}²" if i == j else f"∂{xs[j]}∂{xs[i]}"
            text = (f"Second partial ∂²f/{name}: differentiate ∂f/∂{xs[i]} with "
                    f"respect to {xs[j]}.")
            steps.append(Step("partial derivative", first[i], entries[i, j], text, stage))
    matrix = sp.ImmutableMatrix(n, n, lambda i, j: entries[min(i, j), max(i, j)])
    steps.append(Step("hessian", expr, matrix,
                      "The Hessian is symmetric (mixed partials of a smooth function are equal), "
                      f"so each entry below the diagonal copies the one above it: H = "
                      f"{plain(matrix)}."))
    result = CalculusResult("hessian", expr, matrix, steps)
    result.extra["variables"] = [str(x) for x in xs]
    point = inputs.point(at, xs)
    evaluate(result, point)
    if point is not None:
        _classify(result, sp.ImmutableMatrix(first).xreplace(point))
    return result


def chain_rule(outer: ExprLike | Sequence[ExprLike],
               inner: Mapping[str, ExprLike] | Sequence[Mapping[str, ExprLike]],
               wrt: Names = None, at: Point = None) -> CalculusResult:
    """The multivariate chain rule in matrix form: df/dt = ∂f/∂x · dx/du · du/dt.

    ``inner`` maps each variable of ``outer`` to its expression (``{"x": "cos t"}``), or is
    a list of such maps, one per level. A parameter that also appears directly in ``outer``
    (f(x(t), y(t), t)) is carried through, which gives the total derivative.
    """
    levels = [inner] if isinstance(inner, Mapping) else list(inner)
    if not levels:
        raise CalculusError("no inner functions given", hint="Pass e.g. {'x': 'cos(t)'}.")
    components = inputs.to_vector(outer)
    maps = [{inputs.variable(k): inputs.to_scalar(v) for k, v in level.items()}
            for level in levels]
    params = _variables(wrt, list(maps[-1].values()))
    everything = set(params).union(*(c.free_symbols for c in components),
                                   *(set(m) | set().union(*(v.free_symbols for v in m.values()))
                                     for m in maps))
    ctx = new_derivation(everything, params[0], partial=True)
    steps: list[Step] = []
    factors: list[sp.Matrix] = []
    current, name = components, "f"
    for level in maps:
        xs = list(level) + [p for p in params if p not in level
                            and any(c.has(p) for c in current)]
        level_steps, matrix = _jacobian_steps(current, xs, ctx, name)
        steps.extend(level_steps)
        factors.append(matrix)
        current = [level.get(x, x) for x in xs]
        name = ",".join(map(str, xs))
    last_steps, last = _jacobian_steps(current, list(params), ctx, name)
    steps.extend(last_steps)
    factors.append(last)
    composed = _compose(factors, maps, params)
    product = sp.ImmutableMatrix(sp.MatMul(*composed).doit()).applyfunc(tidy)
    answer = product[0, 0] if product.shape == (1, 1) else product
    shown = " · ".join(plain(m) for m in factors)
    steps.append(Step("matrix product", sp.ImmutableMatrix(components), answer,
                      f"Multiply the Jacobians in order (outer to inner): {shown}, then write "
                      f"every intermediate variable in terms of {', '.join(map(str, params))}: "
                      f"the result is {plain(answer)}."))
    result = CalculusResult("chain rule", sp.ImmutableMatrix(components), answer, steps)
    result.extra["factors"] = [str(m) for m in factors]
    result.extra["variables"] = [str(p) for p in params]
    evaluate(result, inputs.point(at, params))
    return result


total_derivative = chain_rule


def _compose(factors: list[sp.Matrix], maps: list[dict], params: Sequence[sp.Symbol]
             ) -> list[sp.Matrix]:
    """Each Jacobian written in the final parameters: substitute the inner levels into it."""
    composed = []
    for k, matrix in enumerate(factors):
        for level in maps[k:]:
            matrix = matrix.xreplace(level)
        composed.append(matrix)
    return composed


def _variables(names: Names, exprs: Sequence[sp.Basic]) -> tuple[sp.Symbol, ...]:
    xs = inputs.variables_of(names, exprs)
    if not xs:
        raise CalculusError("the function has no variables",
                            hint="Name the variables, e.g. --vars x,y.")
    return xs


def _partials(expr: sp.Expr, xs: Sequence[sp.Symbol], ctx: Derivation
              ) -> tuple[list[Step], list[sp.Expr]]:
    steps, partials = [], []
    for x in xs:
        stage, derivative = derivative_stage(expr, x, ctx)
        others = ", ".join(str(v) for v in xs if v != x)
        held = f", holding {others} constant" if others else ""
        steps.append(Step("partial derivative", expr, derivative,
                          f"∂f/∂{x}: differentiate with respect to {x}{held}.", stage))
        partials.append(derivative)
    return steps, partials


def _jacobian_steps(components: Sequence[sp.Expr], xs: Sequence[sp.Symbol], ctx: Derivation,
                    name: str) -> tuple[list[Step], sp.Matrix]:
    steps, rows = [], []
    for i, component in enumerate(components):
        row_steps, row = _partials(component, xs, ctx)
        label = name if len(components) == 1 else f"{name}{i + 1}"
        wrt = ", ".join(map(str, xs))
        steps.append(Step("jacobian row", component, sp.ImmutableMatrix([row]),
                          f"Row {i + 1}: the partial derivatives of {label} = "
                          f"{plain(component)} with respect to {wrt}.", row_steps))
        rows.append(row)
    return steps, sp.ImmutableMatrix(rows)


def _classify(result: CalculusResult, grad_at: sp.Matrix) -> None:
    """Kind of stationary point from the signs of the Hessian's eigenvalues."""
    h = result.value
    eigen = np.linalg.eigvalsh(np.array(h.evalf(), dtype=float))
    scale = EIGEN_TOLERANCE * max(1.0, float(np.max(np.abs(eigen))))
    if any(abs(float(g)) > EIGEN_TOLERANCE for g in grad_at.evalf()):
        kind = "not stationary"
        text = "The gradient is not zero here, so this is not a stationary point."
    elif np.all(eigen > scale):
        kind, text = "minimum", "All eigenvalues are positive: a local minimum."
    elif np.all(eigen < -scale):
        kind, text = "maximum", "All eigenvalues are negative: a local maximum."
    elif np.any(eigen > scale) and np.any(eigen < -scale):
        kind, text = "saddle", "Eigenvalues of both signs: a saddle point."
    else:
        kind = "inconclusive"
        text = "An eigenvalue is zero, so the Hessian alone cannot decide (inconclusive)."
    values = [float(e) for e in eigen]
    result.extra["eigenvalues"] = values
    result.extra["classification"] = kind
    shown = ", ".join(f"{e:.6g}" for e in values)
    result.steps.append(Step("classify", h, sp.ImmutableMatrix([values]),
                             f"Eigenvalues of the Hessian here: {shown}. {text}"))
