"""The 27 NIST StRD non-linear regression problems, read from NIST's own files.

Shared by the tests and by ``bench/nist_fits.py`` so that both judge the same fits the
same way: NIST's log relative error (LRE), the number of correct significant digits.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

NIST_DIR = Path(__file__).parent / "nist"

# NIST writes the models with brackets and ``arctan``; these are the same models in the
# notation learners type. Nelson's response is log(y) (see ``log_response``).
MODELS: dict[str, str] = {
    "Misra1a": "b1*(1 - exp(-b2*x))",
    "Chwirut2": "exp(-b1*x)/(b2 + b3*x)",
    "Chwirut1": "exp(-b1*x)/(b2 + b3*x)",
    "Lanczos3": "b1*exp(-b2*x) + b3*exp(-b4*x) + b5*exp(-b6*x)",
    "Gauss1": "b1*exp(-b2*x) + b3*exp(-(x - b4)^2/b5^2) + b6*exp(-(x - b7)^2/b8^2)",
    "Gauss2": "b1*exp(-b2*x) + b3*exp(-(x - b4)^2/b5^2) + b6*exp(-(x - b7)^2/b8^2)",
    "DanWood": "b1*x^b2",
    "Misra1b": "b1*(1 - (1 + b2*x/2)^(-2))",
    "Kirby2": "(b1 + b2*x + b3*x^2)/(1 + b4*x + b5*x^2)",
    "Hahn1": "(b1 + b2*x + b3*x^2 + b4*x^3)/(1 + b5*x + b6*x^2 + b7*x^3)",
    "Nelson": "b1 - b2*x1*exp(-b3*x2)",
    "MGH17": "b1 + b2*exp(-x*b4) + b3*exp(-x*b5)",
    "Lanczos1": "b1*exp(-b2*x) + b3*exp(-b4*x) + b5*exp(-b6*x)",
    "Lanczos2": "b1*exp(-b2*x) + b3*exp(-b4*x) + b5*exp(-b6*x)",
    "Gauss3": "b1*exp(-b2*x) + b3*exp(-(x - b4)^2/b5^2) + b6*exp(-(x - b7)^2/b8^2)",
    "Misra1c": "b1*(1 - (1 + 2*b2*x)^(-1/2))",
    "Misra1d": "b1*b2*x*(1 + b2*x)^(-1)",
    "Roszman1": "b1 - b2*x - atan(b3/(x - b4))/pi",
    "ENSO": (
        "b1 + b2*cos(2*pi*x/12) + b3*sin(2*pi*x/12)"
        " + b5*cos(2*pi*x/b4) + b6*sin(2*pi*x/b4)"
        " + b8*cos(2*pi*x/b7) + b9*sin(2*pi*x/b7)"
    ),
    "MGH09": "b1*(x^2 + x*b2)/(x^2 + x*b3 + b4)",
    "Thurber": "(b1 + b2*x + b3*x^2 + b4*x^3)/(1 + b5*x + b6*x^2 + b7*x^3)",
    "BoxBOD": "b1*(1 - exp(-b2*x))",
    "Rat42": "b1/(1 + exp(b2 - b3*x))",
    "MGH10": "b1*exp(b2/(x + b3))",
    "Eckerle4": "(b1/b2)*exp(-(1/2)*((x - b3)/b2)^2)",
    "Rat43": "b1/((1 + exp(b2 - b3*x))^(1/b4))",
    "Bennett5": "b1*(b2 + x)^(-1/b3)",
}


@dataclass(frozen=True)
class Problem:
    """One NIST problem: data, both starting points and the certified answers."""

    name: str
    model: str
    independent: tuple[str, ...]
    x: np.ndarray  # shape (m,) for one predictor, (k, m) for k predictors
    y: np.ndarray
    starts: tuple[dict[str, float], dict[str, float]]
    certified: dict[str, float]
    certified_stderr: dict[str, float]
    certified_rss: float

    @property
    def x_data(self) -> np.ndarray | dict[str, np.ndarray]:
        """``x`` in the form ``fit`` takes: an array, or a dict for several predictors."""
        if len(self.independent) == 1:
            return self.x
        return dict(zip(self.independent, self.x, strict=True))


_PARAM_LINE = re.compile(r"^\s*(b\d+)\s*=\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*$")


def load(name: str) -> Problem:
    """Read ``nist/<name>.dat`` in NIST's layout (parameters, then RSS, then data)."""
    lines = (NIST_DIR / f"{name}.dat").read_text().splitlines()
    starts: tuple[dict[str, float], dict[str, float]] = ({}, {})
    certified: dict[str, float] = {}
    stderr: dict[str, float] = {}
    rss = math.nan
    data_header = None
    for number, line in enumerate(lines):
        if match := _PARAM_LINE.match(line):
            param, s1, s2, value, sd = match.groups()
            starts[0][param], starts[1][param] = float(s1), float(s2)
            certified[param], stderr[param] = float(value), float(sd)
        elif line.startswith("Residual Sum of Squares:"):
            rss = float(line.split(":")[1])
        elif line.startswith("Data:") and number > 40:
            data_header = number
    if data_header is None:
        raise ValueError(f"{name}.dat: no data section")
    columns = lines[data_header].split()[1:]  # "y", then the predictors
    rows = [line.split() for line in lines[data_header + 1 :] if line.strip()]
    table = np.array(rows, dtype=float).T
    y, x = table[0], table[1:]
    if name == "Nelson":
        y = np.log(y)  # NIST's Nelson model is for log[y]
    independent = tuple(columns[1:])
    return Problem(
        name=name,
        model=MODELS[name],
        independent=independent,
        x=x[0] if len(independent) == 1 else x,
        y=y,
        starts=starts,
        certified=certified,
        certified_stderr=stderr,
        certified_rss=rss,
    )


def load_all() -> list[Problem]:
    """Every problem, in NIST's order of difficulty (lower, average, higher)."""
    return [load(name) for name in MODELS]


def lre(value: float, certified: float) -> float:
    """NIST's log relative error: the number of significant digits that agree (0 to 15).

    Relative when the certified value is non-zero, absolute otherwise; capped at 15
    because double precision cannot hold more.
    """
    if not math.isfinite(value):
        return 0.0
    error = abs(value - certified)
    if error == 0.0:
        return 15.0
    scale = abs(certified) if certified != 0.0 else 1.0
    return float(min(15.0, max(0.0, -math.log10(error / scale))))


def param_lre(params: dict[str, float], problem: Problem) -> float:
    """The worst LRE over the parameters: a fit is only as good as its worst digit."""
    return min(lre(params[name], value) for name, value in problem.certified.items())
