"""Fit a model typed as text to data: ``fit("b1*(1-exp(-b2*x))", x, y, p0={...})``.

The text goes through the safe parser; the independent variable(s) are named, every other
symbol is a parameter that needs a starting value. The fit runs in double precision with
an AD Jacobian, then (by default) is polished with residuals computed in 40 digits, so
the digits reported are the digits the data determine.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

import numpy as np
import sympy as sp
from numpy.typing import ArrayLike

from nablalab.mathinput import MathInputError, parse
from nablalab.numeric.result import Result
from nablalab.regression.descent import steepest_descent
from nablalab.regression.gauss_newton import gauss_newton
from nablalab.regression.levenberg_marquardt import Tolerances, levenberg_marquardt
from nablalab.regression.linear import weighted_data
from nablalab.regression.model import Model, ModelError
from nablalab.regression.problem import LeastSquares
from nablalab.regression.refine import compile_exact, contract, needs_exact_residuals, refine
from nablalab.regression.statistics import parameter_uncertainty

Method = Literal["lm", "gn", "gd"]
RIGHT_HAND_SIDE = "Type only the model's right-hand side, e.g. a*exp(-b*x), not y = ..."
METHODS: dict[str, str] = {
    "lm": "Levenberg–Marquardt", "gn": "Gauss–Newton", "gd": "steepest descent"}


def fit(
    model: str | sp.Expr,
    x: ArrayLike | Mapping[str, ArrayLike],
    y: ArrayLike,
    p0: Mapping[str, float],
    *,
    sigma: ArrayLike | None = None,
    method: Method = "lm",
    independent: str | Sequence[str] = "x",
    refine_digits: bool = True,
    tolerances: Tolerances | None = None,
    rate: float | None = None,
    max_iter: int | None = None,
) -> Result:
    """Least-squares fit of ``model`` (text or SymPy) to (x, y), minimising χ².

    ``x`` is an array for one independent variable, or {name: array} for several
    (``independent=("x1", "x2")``). ``method``: "lm" (default), "gn", or "gd" (steepest
    descent, needs ``rate``). ``refine_digits`` polishes a converged fit to full precision
    (see ``refine``). ``result.params``/``stderr`` are dicts by name; ``result.x`` the
    same values in the order of ``p0``; ``result.fun`` is χ² (the residual sum of squares
    when no σ is given; ``result.rss`` always is).
    """
    if method not in METHODS:
        raise ValueError(f"Unknown method {method!r}; choose one of {', '.join(METHODS)}.")
    if method == "gd" and rate is None:
        raise ValueError("Steepest descent needs a step size: pass rate=..., e.g. rate=1e-3.")
    names = (independent,) if isinstance(independent, str) else tuple(independent)
    parameters = tuple(p0)
    expr = _model_expression(model, names, parameters)
    data, size = _independent_data(x, names)
    y_values, weights = weighted_data(y, sigma, size)
    if size < len(parameters):
        raise ValueError(f"{len(parameters)} parameters need at least as many data points; "
                         f"there are {size}.")
    fitted = Model(expr, names, parameters)
    problem = LeastSquares(
        lambda b: (fitted.values(b, data, size) - y_values) * weights,
        lambda b: fitted.jacobian(b, data, size) * weights[:, None],
    )
    outcome = _solve(problem, np.array([float(p0[name]) for name in parameters]), method,
                     tolerances, rate, max_iter)
    beta, message, exact_chi2 = outcome.x, outcome.message, None
    if refine_digits and outcome.success and method != "gd":
        beta = contract(problem, beta)
        if needs_exact_residuals(problem.residuals(beta), y_values * weights):
            refined = refine(compile_exact(expr), data, y_values, weights, list(parameters),
                             problem.jacobian, beta)
            if refined is not None:
                beta, exact_chi2 = refined.beta, refined.sum_of_squares
                message += (f" Refined by {refined.steps} Gauss–Newton step(s) with residuals "
                            "in 40-digit arithmetic.")
    with np.errstate(all="ignore"):
        residuals = y_values - fitted.values(beta, data, size)
    chi2 = float(np.sum((residuals * weights) ** 2)) if exact_chi2 is None else exact_chi2
    jacobian = problem.jacobian(beta)
    stats = parameter_uncertainty(jacobian, chi2, absolute_sigma=sigma is not None)
    if outcome.success and np.any(np.isinf(stats.stderr)):
        message += (" The data do not determine every parameter (some combination has no "
                    "effect on the model), so the standard errors are infinite.")
    return Result(
        beta, chi2, outcome.status, message, outcome.nit,
        [{"params": dict(zip(parameters, entry["x"].tolist(), strict=True)), **entry}
         for entry in outcome.history],
        {
            "params": dict(zip(parameters, beta.tolist(), strict=True)),
            "stderr": dict(zip(parameters, stats.stderr.tolist(), strict=True)),
            "covariance": stats.covariance,
            "chi2": chi2,
            "reduced_chi2": stats.reduced_chi2,
            "dof": stats.dof,
            "rss": chi2 if sigma is None else float(residuals @ residuals),
            "residuals": residuals,
            "jacobian": jacobian / weights[:, None],
            "method": METHODS[method],
            "model": str(expr),
            "nfev": problem.nfev,
            "njev": problem.njev,
        },
    )


def _solve(
    problem: LeastSquares, beta0: np.ndarray, method: str,
    tolerances: Tolerances | None, rate: float | None, max_iter: int | None,
) -> Result:
    if method == "lm":
        return levenberg_marquardt(problem, beta0, tolerances, max_iter=max_iter or 10_000)
    if method == "gn":
        tol = tolerances or Tolerances()
        return gauss_newton(problem, beta0, max_iter=max_iter or 200, xtol=tol.xtol,
                            gtol=tol.gtol, ftol=tol.ftol)
    return steepest_descent(problem, beta0, rate=float(rate), max_iter=max_iter or 1000)


def _model_expression(
    model: str | sp.Expr, independent: tuple[str, ...], parameters: tuple[str, ...]
) -> sp.Expr:
    """The model as SymPy, with every symbol either independent or given a start in p0."""
    if clash := sorted(set(independent) & set(parameters)):
        raise ModelError(f"{', '.join(clash)} is the independent variable, so it cannot also "
                         "be a parameter in p0; rename the parameter.")
    if isinstance(model, str):
        try:
            expr = parse(model, variables=[*independent, *parameters]).expr
        except MathInputError as error:
            raise _explain(error, model, independent, parameters) from error
    else:
        expr = model  # built in code with SymPy, not typed text
    if not isinstance(expr, sp.Expr):
        raise ModelError(RIGHT_HAND_SIDE)
    used = {symbol.name for symbol in expr.free_symbols}
    if missing := sorted(used - set(independent) - set(parameters)):
        raise ModelError(_missing_start_message(missing, independent))
    if unused := [name for name in parameters if name not in used]:
        raise ModelError(f"p0 gives a start for {', '.join(unused)}, which the model does not "
                         "use; remove it from p0 or check the model's spelling.")
    if not parameters:
        raise ModelError("The model has no parameters to fit; give p0 a starting value for each.")
    return expr


def _explain(
    error: MathInputError, text: str, independent: tuple[str, ...], parameters: tuple[str, ...]
) -> Exception:
    """Turn "unknown variable" into the fitting mistake behind it, where there is one."""
    try:
        expr = parse(text).expr  # the parser's default names, to see what was meant
    except MathInputError:
        return error
    if not isinstance(expr, sp.Expr):
        return ModelError(RIGHT_HAND_SIDE)
    unknown = sorted({s.name for s in expr.free_symbols} - set(independent) - set(parameters))
    return ModelError(_missing_start_message(unknown, independent)) if unknown else error


def _missing_start_message(names: list[str], independent: tuple[str, ...]) -> str:
    example = ", ".join(f"{name!r}: 1.0" for name in names)
    return (f"The model uses {', '.join(names)}, which is neither the independent variable "
            f"({', '.join(independent)}) nor in p0; give a starting value, e.g. p0={{..., "
            f"{example}}}.")


def _independent_data(
    x: ArrayLike | Mapping[str, ArrayLike], names: tuple[str, ...]
) -> tuple[dict[str, np.ndarray], int]:
    """The independent variable(s) as equal-length float arrays, keyed by name."""
    if isinstance(x, Mapping):
        if missing := [name for name in names if name not in x]:
            raise ValueError(f"x has no values for {', '.join(missing)}.")
        data = {name: np.asarray(x[name], dtype=float).ravel() for name in names}
    elif len(names) == 1:
        data = {names[0]: np.asarray(x, dtype=float).ravel()}
    else:
        raise ValueError(f"With several independent variables ({', '.join(names)}) pass x as "
                         "a dict {name: values}.")
    sizes = {values.size for values in data.values()}
    if len(sizes) != 1:
        raise ValueError("Every independent variable needs the same number of values.")
    if not all(np.all(np.isfinite(values)) for values in data.values()):
        raise ValueError("x contains a missing or infinite value; remove that point.")
    return data, sizes.pop()
