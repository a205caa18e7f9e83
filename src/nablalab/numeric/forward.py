"""Forward-mode automatic differentiation with dual numbers.

A `Dual` carries a value x and a tangent ẋ (a direction of change); every operation
applies the chain rule at once, f(x + ẋε) = f(x) + f'(x)ẋε, so one evaluation of a
program returns f(x) and the Jacobian-vector product J ẋ. That is cheap when there are
few inputs (one pass per input direction) and needs no stored graph.

The value and tangent are float64 arrays, or `Tensor`s: then the tangent can itself be
differentiated in reverse mode, which is how `functional.hessian` gets exact Hessians.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from nablalab.numeric import autodiff as ad
from nablalab.numeric.autodiff import Differentiable, Tensor


class Dual(Differentiable):
    """A value and its tangent (same shape), supporting the operations `Tensor` supports."""

    __slots__ = ("tangent", "value")

    def __init__(self, value: Any, tangent: Any = None) -> None:
        self.value = _component(value)
        if tangent is None:
            self.tangent = np.zeros(self.value.shape)
            return
        tangent = _component(tangent)
        if tangent.shape != self.value.shape:
            raise ValueError(
                f"A Dual's tangent must have the value's shape {self.value.shape}, "
                f"got {tangent.shape}."
            )
        self.tangent = tangent

    @property
    def shape(self) -> tuple[int, ...]:
        return self.value.shape

    @property
    def ndim(self) -> int:
        return len(self.shape)

    def __len__(self) -> int:
        return len(self.value)

    def __repr__(self) -> str:
        return f"Dual(value={self.value!r}, tangent={self.tangent!r})"

    # ------------------------------------------------------------------ arithmetic
    def __add__(self, other: Any) -> Dual:
        if isinstance(other, Dual):
            return _dual(self.value + other.value, self.tangent + other.tangent)
        value = self.value + _constant(other)
        return _dual(value, _fit(self.tangent, value.shape))

    __radd__ = __add__

    def __sub__(self, other: Any) -> Dual:
        if isinstance(other, Dual):
            return _dual(self.value - other.value, self.tangent - other.tangent)
        value = self.value - _constant(other)
        return _dual(value, _fit(self.tangent, value.shape))

    def __rsub__(self, other: Any) -> Dual:
        value = _constant(other) - self.value
        return _dual(value, _fit(-self.tangent, value.shape))

    def __mul__(self, other: Any) -> Dual:
        if isinstance(other, Dual):
            return _dual(
                self.value * other.value,
                self.tangent * other.value + self.value * other.tangent,
            )
        other = _constant(other)
        return _dual(self.value * other, self.tangent * other)

    __rmul__ = __mul__

    def __truediv__(self, other: Any) -> Dual:
        if isinstance(other, Dual):
            out = self.value / other.value
            return _dual(out, (self.tangent - out * other.tangent) / other.value)
        other = _constant(other)
        return _dual(self.value / other, self.tangent / other)

    def __rtruediv__(self, other: Any) -> Dual:
        out = _constant(other) / self.value
        return _dual(out, -out * self.tangent / self.value)

    def __pow__(self, exponent: Any) -> Dual:
        if isinstance(exponent, Dual):
            out = self.value**exponent.value
            return _dual(
                out,
                exponent.value * self.value ** (exponent.value - 1.0) * self.tangent
                + out * ad.log(self.value) * exponent.tangent,
            )
        p = _constant(exponent)
        return _dual(self.value**p, p * self.value ** (p - 1.0) * self.tangent)

    def __rpow__(self, base: Any) -> Dual:
        base = _constant(base)
        out = base**self.value
        return _dual(out, out * ad.log(base) * self.tangent)

    def __neg__(self) -> Dual:
        return _dual(-self.value, -self.tangent)

    def __matmul__(self, other: Any) -> Dual:
        if isinstance(other, Dual):
            return _dual(
                self.value @ other.value,
                self.tangent @ other.value + self.value @ other.tangent,
            )
        other = _constant(other)
        return _dual(self.value @ other, self.tangent @ other)

    def __rmatmul__(self, other: Any) -> Dual:
        other = _constant(other)
        return _dual(other @ self.value, other @ self.tangent)

    # ------------------------------------------------------------------ shape (linear)
    @property
    def T(self) -> Dual:
        return _dual(self.value.T, self.tangent.T)

    def reshape(self, *shape: Any) -> Dual:
        return _dual(self.value.reshape(*shape), self.tangent.reshape(*shape))

    def __getitem__(self, index: Any) -> Dual:
        return _dual(self.value[index], self.tangent[index])

    def sum(self, axis: int | tuple[int, ...] | None = None, keepdims: bool = False) -> Dual:
        return _dual(
            self.value.sum(axis=axis, keepdims=keepdims),
            self.tangent.sum(axis=axis, keepdims=keepdims),
        )

    def mean(self, axis: int | tuple[int, ...] | None = None, keepdims: bool = False) -> Dual:
        return _dual(
            self.value.mean(axis=axis, keepdims=keepdims),
            self.tangent.mean(axis=axis, keepdims=keepdims),
        )

    # ------------------------------------------------------------------ elementwise
    def exp(self) -> Dual:
        out = ad.exp(self.value)
        return _dual(out, out * self.tangent)

    def log(self) -> Dual:
        return _dual(ad.log(self.value), self.tangent / self.value)

    def sqrt(self) -> Dual:
        out = ad.sqrt(self.value)
        return _dual(out, self.tangent / (2.0 * out))

    def abs(self) -> Dual:
        return _dual(ad.abs(self.value), self.tangent * np.sign(_raw(self.value)))

    __abs__ = abs

    def sin(self) -> Dual:
        return _dual(ad.sin(self.value), ad.cos(self.value) * self.tangent)

    def cos(self) -> Dual:
        return _dual(ad.cos(self.value), -ad.sin(self.value) * self.tangent)

    def tan(self) -> Dual:
        out = ad.tan(self.value)
        return _dual(out, (1.0 + out * out) * self.tangent)

    def arcsin(self) -> Dual:
        return _dual(ad.arcsin(self.value), self.tangent / ad.sqrt(1.0 - self.value * self.value))

    def arccos(self) -> Dual:
        return _dual(ad.arccos(self.value), -self.tangent / ad.sqrt(1.0 - self.value * self.value))

    def arctan(self) -> Dual:
        return _dual(ad.arctan(self.value), self.tangent / (1.0 + self.value * self.value))

    def sinh(self) -> Dual:
        return _dual(ad.sinh(self.value), ad.cosh(self.value) * self.tangent)

    def cosh(self) -> Dual:
        return _dual(ad.cosh(self.value), ad.sinh(self.value) * self.tangent)

    def tanh(self) -> Dual:
        out = ad.tanh(self.value)
        return _dual(out, (1.0 - out * out) * self.tangent)

    def sigmoid(self) -> Dual:
        out = ad.sigmoid(self.value)
        return _dual(out, out * (1.0 - out) * self.tangent)

    def relu(self) -> Dual:
        return _dual(ad.relu(self.value), self.tangent * (_raw(self.value) > 0.0))

    def softmax(self, axis: int = -1) -> Dual:
        out = ad.softmax(self.value, axis)
        weighted = (out * self.tangent).sum(axis=axis, keepdims=True)
        return _dual(out, out * (self.tangent - weighted))

    def log_softmax(self, axis: int = -1) -> Dual:
        out = ad.log_softmax(self.value, axis)
        weighted = (ad.exp(out) * self.tangent).sum(axis=axis, keepdims=True)
        return _dual(out, self.tangent - weighted)

    @classmethod
    def _stack(cls, items: Sequence[Any], axis: int) -> Dual:
        duals = [item if isinstance(item, Dual) else Dual(item) for item in items]
        return _dual(
            ad.stack([d.value for d in duals], axis=axis),
            ad.stack([d.tangent for d in duals], axis=axis),
        )


# ---------------------------------------------------------------------- helpers
def _dual(value: Any, tangent: Any) -> Dual:
    """A Dual from parts already known to match (skips the checks of ``__init__``)."""
    out = Dual.__new__(Dual)
    out.value = value if isinstance(value, np.ndarray | Tensor) else np.asarray(value)
    out.tangent = tangent if isinstance(tangent, np.ndarray | Tensor) else np.asarray(tangent)
    return out


def _component(x: Any) -> np.ndarray | Tensor:
    return x if isinstance(x, Tensor) else np.asarray(x, dtype=np.float64)


def _constant(x: Any) -> Any:
    """An operand without a tangent: kept as it is if it already computes like an array."""
    if isinstance(x, np.ndarray | Tensor | int | float | np.number):
        return x
    return np.asarray(x, dtype=np.float64)


def _fit(tangent: Any, shape: tuple[int, ...]) -> Any:
    """Broadcast a tangent to the value's shape (after adding a larger constant)."""
    if tangent.shape == shape:
        return tangent
    return tangent + np.zeros(shape)


def _raw(x: Any) -> np.ndarray:
    return x.data if isinstance(x, Tensor) else x


def jvp(f: Callable[[Any], Any], x: Any, v: Any) -> tuple[np.ndarray, np.ndarray]:
    """(f(x), J_f(x) v) from one forward pass; ``v`` has the shape of ``x``."""
    x = np.asarray(x, dtype=np.float64)
    v = np.asarray(v, dtype=np.float64)
    if v.shape != x.shape:
        raise ValueError(f"jvp needs a direction v of the shape of x {x.shape}, got {v.shape}.")
    return split(f(Dual(x, v)))


def split(out: Any) -> tuple[Any, Any]:
    """Value and tangent of a program's output: a Dual, a list of them, or a constant."""
    if isinstance(out, list | tuple):
        out = ad.stack(out)
    if isinstance(out, Dual):
        return out.value, out.tangent
    if isinstance(out, Tensor):
        raise TypeError("The function returned a Tensor built outside its argument; "
                        "compute it from the argument it receives.")
    value = np.asarray(out, dtype=np.float64)
    return value, np.zeros(value.shape)
