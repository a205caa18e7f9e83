"""The skill map of the course: every skill a question template is tagged with, what it
means, and which skills it builds on (prerequisite edges, a directed acyclic graph).

Skill ids are the template tags themselves ("chain rule"), so a template's ``skills`` tuple
names nodes of this map directly; ``tests/adaptive`` holds the map to that (every tag is a
node, every node is exercised by some template, no cycles).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    description: str
    prerequisites: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        """The id fit for HTML ids and URLs ("chain rule" -> "chain-rule")."""
        return self.id.replace(" ", "-")


def _skill(id: str, description: str, *prerequisites: str) -> Skill:
    return Skill(id, id[:1].upper() + id[1:], description, prerequisites)


SKILLS: tuple[Skill, ...] = (
    # Module 1: the derivative of one variable.
    _skill("rise over run", "The gradient of a straight line, rise divided by run."),
    _skill("reading graphs", "Reading a function's behaviour (slope, turning points, "
           "asymptotes) from its graph."),
    _skill("definition of derivative", "The derivative as the limit of rise over run as "
           "the run shrinks to zero.", "rise over run"),
    _skill("power rule", "d/dx xⁿ = n xⁿ⁻¹, for any real n.", "definition of derivative"),
    _skill("sum rule", "The derivative of a sum is the sum of the derivatives.",
           "definition of derivative"),
    _skill("special functions", "Derivatives of sin, cos, exp and ln.",
           "definition of derivative"),
    _skill("evaluate derivative", "The value of a derivative at a given point.",
           "power rule"),
    _skill("second derivative", "Differentiating twice: the rate of change of the slope.",
           "power rule", "special functions"),
    _skill("product rule", "(uv)' = u'v + uv'.", "power rule", "special functions"),
    _skill("chain rule", "(f(g(x)))' = f'(g(x)) g'(x): outer derivative times inner "
           "derivative.", "power rule", "special functions"),
    _skill("quotient rule", "(u/v)' = (u'v - uv')/v².", "product rule", "chain rule"),
    _skill("stationary point", "Points where the derivative vanishes, and what kind they "
           "are.", "evaluate derivative", "second derivative", "reading graphs"),
    # Beyond the course: integration, used by the Gaussian and regression material.
    _skill("antiderivative", "Reversing differentiation: a function whose derivative is the "
           "given one.", "power rule", "special functions"),
    _skill("fundamental theorem", "A definite integral as the change in an antiderivative.",
           "antiderivative"),
    _skill("substitution", "Integrating by changing the variable (the chain rule in "
           "reverse).", "antiderivative", "chain rule"),
    _skill("integration by parts", "Integrating a product (the product rule in reverse).",
           "antiderivative", "product rule"),
    _skill("normalisation", "Choosing the constant that makes a density integrate to one.",
           "fundamental theorem", "substitution"),
    _skill("expectation", "The mean of a quantity under a probability density.",
           "normalisation"),
    # Module 2: several variables.
    _skill("partial derivative", "Differentiating with respect to one variable, the others "
           "held constant.", "power rule", "special functions"),
    _skill("gradient", "The vector of partial derivatives, pointing uphill.",
           "partial derivative"),
    _skill("total derivative", "The rate of change along a path through several variables.",
           "partial derivative", "chain rule"),
    _skill("jacobian", "The matrix of first partial derivatives of a vector function.",
           "gradient"),
    _skill("determinant", "The Jacobian determinant: how a change of variables scales "
           "area or volume.", "jacobian"),
    _skill("hessian", "The matrix of second partial derivatives.", "jacobian",
           "second derivative"),
    _skill("finite difference", "Approximating derivatives from function values at nearby "
           "points.", "definition of derivative", "gradient"),
    # Module 3: the multivariate chain rule and neural networks.
    _skill("matrix product", "Multiplying matrices and vectors, row by column."),
    _skill("multivariate chain rule", "Chaining Jacobians: df/dt = ∂f/∂x · dx/dt.",
           "jacobian", "total derivative", "matrix product"),
    _skill("activation", "Activation functions (logistic, tanh, ReLU) and their "
           "derivatives.", "special functions", "chain rule"),
    _skill("neural network", "A layer's output σ(Wa + b), layer after layer.",
           "matrix product", "activation"),
    _skill("backpropagation", "The gradient of a network's cost by the multivariate chain "
           "rule, layer by layer.", "neural network", "multivariate chain rule"),
    _skill("forward mode", "Automatic differentiation carrying derivatives forward with the "
           "values.", "chain rule", "partial derivative"),
    _skill("reverse mode", "Automatic differentiation sending sensitivities backward from "
           "the output.", "forward mode"),
    # Module 4: Taylor series.
    _skill("power series", "A function written as a sum of powers of (x - a).",
           "power rule"),
    _skill("taylor coefficient", "The coefficient f⁽ⁿ⁾(a)/n! of a Taylor series.",
           "power series", "second derivative"),
    _skill("expansion point", "Where a Taylor series is centred, and what that changes.",
           "taylor coefficient"),
    _skill("approximation order", "How many terms an approximation keeps, and how good it "
           "is.", "taylor coefficient"),
    _skill("parity", "Even and odd functions have only even or odd powers in their series.",
           "power series"),
    _skill("linearisation", "The tangent line or plane: the first-order Taylor "
           "approximation.", "taylor coefficient", "evaluate derivative"),
    _skill("multivariate taylor", "Taylor series in several variables: gradient and Hessian "
           "terms.", "linearisation", "gradient", "hessian"),
    # Module 5: optimisation.
    _skill("newton step", "One Newton–Raphson step, x - f(x)/f'(x), and its multivariate "
           "form.", "linearisation"),
    _skill("convergence", "When Newton–Raphson converges, cycles or runs away.",
           "newton step"),
    _skill("steepest descent", "Stepping against the gradient to go downhill.", "gradient"),
    _skill("lagrange system", "The equations ∇f = λ∇g with the constraint, for constrained "
           "extrema.", "gradient", "stationary point"),
    _skill("choosing a method", "Which optimisation method suits a problem.", "newton step",
           "steepest descent", "lagrange system"),
    # Module 6: regression.
    _skill("least squares", "Fitting by minimising the sum of squared residuals, χ².",
           "partial derivative", "stationary point"),
    _skill("linear regression", "The best straight line through data, in closed form.",
           "least squares"),
    _skill("least-squares jacobian", "Derivatives of χ² with respect to a model's "
           "parameters.", "least squares", "jacobian", "chain rule"),
    # Beyond the course: further modules (integration, Taylor and Lagrange in depth,
    # automatic differentiation).
    _skill("iterated integral", "A double integral done one variable at a time.",
           "fundamental theorem"),
    _skill("double integral", "Integrating a function over a region of the plane.",
           "iterated integral"),
    _skill("monte carlo", "Estimating an integral or expectation by averaging random "
           "samples.", "expectation"),
    _skill("taylor series", "A function's whole Taylor series: its terms and where it "
           "holds.", "taylor coefficient"),
    _skill("radius of convergence", "How far from the expansion point a power series "
           "converges.", "power series"),
    _skill("remainder bound", "Bounding the error of a truncated Taylor series.",
           "taylor series", "approximation order"),
    _skill("lagrange multiplier", "The multiplier λ in ∇f = λ∇g, solved for.",
           "lagrange system"),
    _skill("sensitivity", "The multiplier as the rate the optimum moves with the "
           "constraint.", "lagrange multiplier"),
    _skill("several constraints", "Lagrange multipliers with more than one constraint.",
           "lagrange system"),
    _skill("bordered hessian", "The bordered Hessian, classifying constrained stationary "
           "points.", "hessian", "lagrange system"),
    _skill("inequality constraint", "Constraints g ≤ 0, active or inactive at the "
           "optimum.", "lagrange system"),
    _skill("kkt conditions", "The Karush–Kuhn–Tucker conditions for inequality "
           "constraints.", "inequality constraint", "lagrange multiplier"),
    _skill("computational graph", "A calculation drawn as a graph of elementary "
           "operations.", "chain rule"),
    _skill("dual numbers", "Numbers a + bε with ε² = 0, which carry derivatives forward.",
           "forward mode"),
    _skill("computational cost", "How the cost of forward and reverse mode grows with "
           "inputs and outputs.", "forward mode", "reverse mode"),
    _skill("matrix calculus", "Derivatives with respect to vectors and matrices.",
           "jacobian", "matrix product"),
)


class SkillMap:
    """The skills as a graph: lookup by id, prerequisites, and a stable topological order."""

    def __init__(self, skills: Iterable[Skill]) -> None:
        self.skills: dict[str, Skill] = {}
        for skill in skills:
            if skill.id in self.skills:
                raise ValueError(f"the skill {skill.id!r} is defined twice")
            self.skills[skill.id] = skill
        for skill in self.skills.values():
            if unknown := set(skill.prerequisites) - set(self.skills):
                raise ValueError(f"{skill.id!r} names unknown prerequisites {sorted(unknown)}")
        self.order: tuple[str, ...] = self._topological_order()
        self.rank = {skill: index for index, skill in enumerate(self.order)}

    def __getitem__(self, skill: str) -> Skill:
        return self.skills[skill]

    def __contains__(self, skill: object) -> bool:
        return skill in self.skills

    def __iter__(self):
        return (self.skills[skill] for skill in self.order)

    def __len__(self) -> int:
        return len(self.skills)

    def edges(self) -> list[tuple[str, str]]:
        """(prerequisite, skill) pairs."""
        return [(pre, skill.id) for skill in self for pre in skill.prerequisites]

    def ancestors(self, skill: str) -> set[str]:
        """Every skill ``skill`` builds on, directly or through others."""
        found: set[str] = set()
        stack = list(self.skills[skill].prerequisites)
        while stack:
            current = stack.pop()
            if current not in found:
                found.add(current)
                stack.extend(self.skills[current].prerequisites)
        return found

    def depth(self) -> dict[str, int]:
        """The length of the longest prerequisite chain below each skill (roots: 0)."""
        depth: dict[str, int] = {}
        for skill in self.order:
            depth[skill] = 1 + max((depth[p] for p in self.skills[skill].prerequisites),
                                   default=-1)
        return depth

    def _topological_order(self) -> tuple[str, ...]:
        """Kahn's algorithm, taking ready skills in definition order; a cycle is an error."""
        waiting = {s.id: set(s.prerequisites) for s in self.skills.values()}
        order: list[str] = []
        while waiting:
            ready = [s for s in self.skills if s in waiting and not waiting[s]]
            if not ready:
                raise ValueError(f"the prerequisites form a cycle among {sorted(waiting)}")
            for skill in ready:
                del waiting[skill]
                order.append(skill)
            for pending in waiting.values():
                pending.difference_update(ready)
        return tuple(order)


@cache
def skill_map() -> SkillMap:
    return SkillMap(SKILLS)
