"""Reverse-mode automatic differentiation (backpropagation) on NumPy float64 arrays.

Every operation on a `Tensor` records its inputs and a small function that maps the
gradient of its output to the gradients of its inputs (the chain rule, one link).
`backward` visits the recorded graph once, from the output back to the inputs, in reverse
topological order. The design is micrograd's, but a node holds a whole array, so a network
layer is one node rather than thousands, and the arithmetic runs in NumPy.

Module-level functions (`exp`, `sin`, ...) accept Tensors, forward-mode `Dual` numbers and
plain numbers or arrays alike, so one formula can be evaluated, differentiated in reverse
mode and differentiated in forward mode.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np

Backward = Callable[[np.ndarray], tuple[np.ndarray | None, ...]]



class _GradMode(threading.local):
    """Whether operations record a graph; per thread, so a web worker's ``no_grad`` never
    switches recording off for a request served by another thread."""

    enabled = True


_grad_mode = _GradMode()


class Differentiable:
    """What `Tensor` and `Dual` share: the module functions and NumPy ufuncs dispatch to it.

    NumPy ufuncs applied to one (``np.exp(t)``, ``array * t``, code printed by SymPy's
    ``lambdify``) are routed to the matching method, so the derivative is never lost.
    """

    __slots__ = ()

    def __array_ufunc__(self, ufunc: np.ufunc, method: str, *inputs: Any, **kwargs: Any) -> Any:
        if method == "__call__" and not kwargs:
            if len(inputs) == 1 and ufunc in _UNARY_UFUNCS:
                return getattr(self, _UNARY_UFUNCS[ufunc])()
            if len(inputs) == 2 and ufunc in _BINARY_UFUNCS:
                name, reflected = _BINARY_UFUNCS[ufunc]
                first, second = inputs
                if first is self:
                    return getattr(self, name)(second)
                return getattr(self, reflected)(first)
        supported = ", ".join(f"np.{u.__name__}" for u in (*_UNARY_UFUNCS, *_BINARY_UFUNCS))
        raise TypeError(
            f"np.{ufunc.__name__} cannot be differentiated through a {type(self).__name__} "
            f"(with these arguments); use its methods or one of {supported}."
        )


_UNARY_UFUNCS: dict[np.ufunc, str] = {
    np.negative: "__neg__", np.absolute: "abs", np.exp: "exp", np.log: "log",
    np.sqrt: "sqrt", np.sin: "sin", np.cos: "cos", np.tan: "tan", np.arcsin: "arcsin",
    np.arccos: "arccos", np.arctan: "arctan", np.sinh: "sinh", np.cosh: "cosh",
    np.tanh: "tanh",
}
_BINARY_UFUNCS: dict[np.ufunc, tuple[str, str]] = {
    np.add: ("__add__", "__radd__"), np.subtract: ("__sub__", "__rsub__"),
    np.multiply: ("__mul__", "__rmul__"), np.true_divide: ("__truediv__", "__rtruediv__"),
    np.power: ("__pow__", "__rpow__"), np.matmul: ("__matmul__", "__rmatmul__"),
}


class Tensor(Differentiable):
    """An array that remembers how it was computed, so ``backward`` can send gradients back.

    ``data`` is the float64 array (shared with the array you pass in, not copied, so an
    in-place update ``w.data -= lr * w.grad`` is cheap). ``grad`` is d(output)/d(this
    tensor), kept on every node of the graph as in micrograd, so intermediate results can be
    inspected too. It accumulates over ``backward`` calls, as in PyTorch, until
    ``zero_grad``; treat it as read-only (nodes may share one gradient array).
    """

    __slots__ = ("_backward", "_parents", "data", "grad", "requires_grad")

    def __init__(self, data: Any, requires_grad: bool = False) -> None:
        if isinstance(data, Tensor):
            data = data.data
        self.data: np.ndarray = np.asarray(data, dtype=np.float64)
        self.grad: np.ndarray | None = None
        self.requires_grad = bool(requires_grad)
        self._parents: tuple[Tensor, ...] = ()
        self._backward: Backward | None = None

    # ------------------------------------------------------------------ description
    @property
    def shape(self) -> tuple[int, ...]:
        return self.data.shape

    @property
    def ndim(self) -> int:
        return self.data.ndim

    @property
    def size(self) -> int:
        return self.data.size

    def __len__(self) -> int:
        return len(self.data)

    def item(self) -> float:
        return self.data.item()

    def __float__(self) -> float:
        return float(self.data)

    def __repr__(self) -> str:
        flag = ", requires_grad=True" if self.requires_grad else ""
        return f"Tensor({np.array2string(self.data, separator=', ')}{flag})"

    # ------------------------------------------------------------------ backpropagation
    def backward(self, grad: Any = None) -> None:
        """Add d(self)/d(leaf), weighted by ``grad``, to ``.grad`` of every tensor upstream.

        ``grad`` defaults to 1 for a single-number output; for an array output it is the
        vector v of the vector-Jacobian product vᵀJ and must have this tensor's shape.
        """
        if not self.requires_grad:
            raise ValueError(
                "backward() needs a result that depends on a Tensor created with "
                "requires_grad=True; nothing upstream asks for a gradient."
            )
        if grad is None:
            if self.data.size != 1:
                raise ValueError(
                    f"backward() without an argument needs a single number, but this tensor "
                    f"has shape {self.shape}; reduce it (e.g. .sum()) or pass grad= of that shape."
                )
            seed = np.ones_like(self.data)
        else:
            seed = np.array(grad.data if isinstance(grad, Tensor) else grad, dtype=np.float64)
            if seed.shape != self.data.shape:
                raise ValueError(
                    f"backward(grad) needs grad of shape {self.shape}, got {seed.shape}."
                )
        pending: dict[Tensor, np.ndarray] = {self: seed}
        for node in _reverse_topological_order(self):
            g = pending.pop(node, None)
            if g is None:
                continue
            if type(g) is not np.ndarray:
                g = np.asarray(g)
            node.grad = g if node.grad is None else node.grad + g
            if node._backward is None:
                continue
            for parent, parent_grad in zip(node._parents, node._backward(g), strict=False):
                if parent_grad is None or not parent.requires_grad:
                    continue
                held = pending.get(parent)
                pending[parent] = parent_grad if held is None else held + parent_grad

    def zero_grad(self) -> None:
        """Forget the accumulated gradient (call before the next ``backward`` of a loop)."""
        self.grad = None

    # ------------------------------------------------------------------ arithmetic
    def __add__(self, other: Any) -> Tensor:
        other = _lift(other)
        if other is NotImplemented:
            return NotImplemented
        a, b = self, other
        return _node(
            a.data + b.data, (a, b),
            lambda g: (_unbroadcast(g, a.data.shape) if a.requires_grad else None,
                       _unbroadcast(g, b.data.shape) if b.requires_grad else None),
        )

    def __radd__(self, other: Any) -> Tensor:
        return self.__add__(other)

    def __sub__(self, other: Any) -> Tensor:
        other = _lift(other)
        if other is NotImplemented:
            return NotImplemented
        a, b = self, other
        return _node(
            a.data - b.data, (a, b),
            lambda g: (_unbroadcast(g, a.data.shape) if a.requires_grad else None,
                       _unbroadcast(-g, b.data.shape) if b.requires_grad else None),
        )

    def __rsub__(self, other: Any) -> Tensor:
        return _lift(other).__sub__(self)

    def __mul__(self, other: Any) -> Tensor:
        other = _lift(other)
        if other is NotImplemented:
            return NotImplemented
        a, b = self, other
        return _node(
            a.data * b.data, (a, b),
            lambda g: (_unbroadcast(g * b.data, a.data.shape) if a.requires_grad else None,
                       _unbroadcast(g * a.data, b.data.shape) if b.requires_grad else None),
        )

    def __rmul__(self, other: Any) -> Tensor:
        return self.__mul__(other)

    def __truediv__(self, other: Any) -> Tensor:
        other = _lift(other)
        if other is NotImplemented:
            return NotImplemented
        a, b = self, other
        out = a.data / b.data
        return _node(
            out, (a, b),
            lambda g: (_unbroadcast(g / b.data, a.data.shape) if a.requires_grad else None,
                       _unbroadcast(-g * out / b.data, b.data.shape) if b.requires_grad else None),
        )

    def __rtruediv__(self, other: Any) -> Tensor:
        return _lift(other).__truediv__(self)

    def __pow__(self, exponent: Any) -> Tensor:
        x = self.data
        if isinstance(exponent, int | float | np.number):
            p = float(exponent)
            if p == 2.0:
                return _node(x * x, (self,), lambda g: (g * (2.0 * x),))
            return _node(x**p, (self,), lambda g: (g * (p * x ** (p - 1.0)),))
        other = _lift(exponent)
        if other is NotImplemented:
            return NotImplemented
        a, b = self, other
        y = b.data
        out = x**y
        return _node(
            out, (a, b),
            lambda g: (
                _unbroadcast(g * y * x ** (y - 1.0), x.shape) if a.requires_grad else None,
                _unbroadcast(g * out * np.log(x), y.shape) if b.requires_grad else None,
            ),
        )

    def __rpow__(self, base: Any) -> Tensor:
        return _lift(base).__pow__(self)

    def __neg__(self) -> Tensor:
        return _node(-self.data, (self,), lambda g: (-g,))

    def __matmul__(self, other: Any) -> Tensor:
        other = _lift(other)
        if other is NotImplemented:
            return NotImplemented
        a, b = self, other
        return _node(
            a.data @ b.data, (a, b),
            lambda g: _matmul_grads(g, a.data, b.data, a.requires_grad, b.requires_grad),
        )

    def __rmatmul__(self, other: Any) -> Tensor:
        return _lift(other).__matmul__(self)

    # ------------------------------------------------------------------ shape
    @property
    def T(self) -> Tensor:
        return _node(self.data.T, (self,), lambda g: (g.T,))

    def reshape(self, *shape: Any) -> Tensor:
        if len(shape) == 1 and isinstance(shape[0], tuple | list):
            shape = tuple(shape[0])
        original = self.data.shape
        return _node(self.data.reshape(shape), (self,), lambda g: (g.reshape(original),))

    def __getitem__(self, index: Any) -> Tensor:
        original = self.data.shape
        basic = _is_basic_index(index)

        def backward(g: np.ndarray) -> tuple[np.ndarray]:
            full = np.zeros(original)
            if basic:
                full[index] = g
            else:  # fancy indices may repeat: each occurrence adds its share
                np.add.at(full, index, g)
            return (full,)

        return _node(self.data[index], (self,), backward)

    def sum(self, axis: int | tuple[int, ...] | None = None, keepdims: bool = False) -> Tensor:
        original = self.data.shape

        def backward(g: np.ndarray) -> tuple[np.ndarray]:
            if axis is not None and not keepdims:
                g = np.expand_dims(g, axis)
            full = np.empty(original)
            full[...] = g
            return (full,)

        return _node(self.data.sum(axis=axis, keepdims=keepdims), (self,), backward)

    def mean(self, axis: int | tuple[int, ...] | None = None, keepdims: bool = False) -> Tensor:
        total = self.sum(axis=axis, keepdims=keepdims)
        return total * (total.data.size / self.data.size)

    # ------------------------------------------------------------------ elementwise
    def exp(self) -> Tensor:
        out = np.exp(self.data)
        return _node(out, (self,), lambda g: (g * out,))

    def log(self) -> Tensor:
        x = self.data
        return _node(np.log(x), (self,), lambda g: (g / x,))

    def sqrt(self) -> Tensor:
        out = np.sqrt(self.data)
        return _node(out, (self,), lambda g: (g / (2.0 * out),))

    def abs(self) -> Tensor:
        x = self.data
        return _node(np.abs(x), (self,), lambda g: (g * np.sign(x),))

    __abs__ = abs

    def sin(self) -> Tensor:
        x = self.data
        return _node(np.sin(x), (self,), lambda g: (g * np.cos(x),))

    def cos(self) -> Tensor:
        x = self.data
        return _node(np.cos(x), (self,), lambda g: (g * -np.sin(x),))

    def tan(self) -> Tensor:
        out = np.tan(self.data)
        return _node(out, (self,), lambda g: (g * (1.0 + out * out),))

    def arcsin(self) -> Tensor:
        x = self.data
        return _node(np.arcsin(x), (self,), lambda g: (g / np.sqrt(1.0 - x * x),))

    def arccos(self) -> Tensor:
        x = self.data
        return _node(np.arccos(x), (self,), lambda g: (-g / np.sqrt(1.0 - x * x),))

    def arctan(self) -> Tensor:
        x = self.data
        return _node(np.arctan(x), (self,), lambda g: (g / (1.0 + x * x),))

    def sinh(self) -> Tensor:
        x = self.data
        return _node(np.sinh(x), (self,), lambda g: (g * np.cosh(x),))

    def cosh(self) -> Tensor:
        x = self.data
        return _node(np.cosh(x), (self,), lambda g: (g * np.sinh(x),))

    def tanh(self) -> Tensor:
        out = np.tanh(self.data)
        return _node(out, (self,), lambda g: (g * (1.0 - out * out),))

    def sigmoid(self) -> Tensor:
        out = sigmoid_array(self.data)
        return _node(out, (self,), lambda g: (g * out * (1.0 - out),))

    def relu(self) -> Tensor:
        x = self.data
        return _node(np.maximum(x, 0.0), (self,), lambda g: (g * (x > 0.0),))

    def softmax(self, axis: int = -1) -> Tensor:
        out = softmax_array(self.data, axis)
        return _node(
            out, (self,), lambda g: (out * (g - (g * out).sum(axis=axis, keepdims=True)),)
        )

    def log_softmax(self, axis: int = -1) -> Tensor:
        """log(softmax(x)) without overflow; the stable way to a cross-entropy cost."""
        out = log_softmax_array(self.data, axis)
        return _node(
            out, (self,), lambda g: (g - np.exp(out) * g.sum(axis=axis, keepdims=True),)
        )

    @classmethod
    def _stack(cls, items: Sequence[Any], axis: int) -> Tensor:
        parts = tuple(_lift(item) for item in items)
        return _node(
            np.stack([part.data for part in parts], axis=axis), parts,
            lambda g: tuple(np.moveaxis(g, axis, 0)),
        )


# ---------------------------------------------------------------------- graph helpers
def _node(data: Any, parents: tuple[Tensor, ...], backward: Backward) -> Tensor:
    """A new tensor; it joins the graph only if an input wants a gradient."""
    out = Tensor.__new__(Tensor)
    out.data = data if type(data) is np.ndarray else np.asarray(data, dtype=np.float64)
    out.grad = None
    if _grad_mode.enabled:
        for parent in parents:
            if parent.requires_grad:
                out.requires_grad = True
                out._parents = parents
                out._backward = backward
                return out
    out.requires_grad = False
    out._parents = ()
    out._backward = None
    return out


def _lift(value: Any) -> Any:
    """A Tensor for ``value``; NotImplemented for a Dual, which then handles the operation."""
    if isinstance(value, Tensor):
        return value
    if isinstance(value, Differentiable):
        return NotImplemented
    constant = Tensor.__new__(Tensor)
    constant.data = np.asarray(value, dtype=np.float64)
    constant.grad = None
    constant.requires_grad = False
    constant._parents = ()
    constant._backward = None
    return constant


def _reverse_topological_order(root: Tensor) -> list[Tensor]:
    """Nodes that need a gradient, each before the nodes it was computed from.

    Depth-first search with an explicit stack of parent iterators (no recursion, so a graph
    of any depth works); a node is listed once all its parents are.
    """
    order: list[Tensor] = []
    visited = {root}
    stack = [(root, iter(root._parents))]
    while stack:
        node, parents = stack[-1]
        for parent in parents:
            if parent.requires_grad and parent not in visited:
                visited.add(parent)
                stack.append((parent, iter(parent._parents)))
                break
        else:
            stack.pop()
            order.append(node)
    order.reverse()
    return order


def _unbroadcast(g: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Sum ``g`` over the axes NumPy broadcast, so it matches the operand's ``shape``."""
    if g.shape == shape:
        return g
    lead = g.ndim - len(shape)
    if lead:
        g = g.sum(axis=tuple(range(lead)))
        if g.shape == shape:
            return g
    return g.sum(axis=tuple([i for i, n in enumerate(shape) if n == 1]), keepdims=True)


def _matmul_grads(
    g: np.ndarray, a: np.ndarray, b: np.ndarray, need_a: bool, need_b: bool
) -> tuple[np.ndarray | None, np.ndarray | None]:
    """Gradients of a @ b; 1-D operands are treated as a row (left) or column (right)."""
    if a.ndim == 2 and b.ndim == 2:
        return (g @ b.T if need_a else None, a.T @ g if need_b else None)
    if a.ndim == 1 and b.ndim == 1:  # inner product: g is a number
        return (g * b if need_a else None, g * a if need_b else None)
    a2 = a[np.newaxis, :] if a.ndim == 1 else a
    b2 = b[:, np.newaxis] if b.ndim == 1 else b
    g2 = g
    if a.ndim == 1:
        g2 = np.expand_dims(g2, -2)
    if b.ndim == 1:
        g2 = np.expand_dims(g2, -1)
    grad_a = _unbroadcast(g2 @ np.swapaxes(b2, -1, -2), a2.shape).reshape(a.shape)
    grad_b = _unbroadcast(np.swapaxes(a2, -1, -2) @ g2, b2.shape).reshape(b.shape)
    return (grad_a if need_a else None, grad_b if need_b else None)


_BASIC_INDEX_TYPES = (int, np.integer, slice, type(None), type(Ellipsis))


def _is_basic_index(index: Any) -> bool:
    """Ints, slices, None and ... select each element at most once (no repeats to add)."""
    items = index if isinstance(index, tuple) else (index,)
    return all(
        isinstance(item, _BASIC_INDEX_TYPES) and not isinstance(item, bool) for item in items
    )


@contextlib.contextmanager
def no_grad() -> Iterator[None]:
    """Compute without recording a graph (evaluation, parameter updates)."""
    previous = _grad_mode.enabled
    _grad_mode.enabled = False
    try:
        yield
    finally:
        _grad_mode.enabled = previous


# ---------------------------------------------------------------------- plain-array kernels
def sigmoid_array(x: np.ndarray) -> np.ndarray:
    """1 / (1 + e^(−x)); e^(−x) is capped below overflow (σ is 0 to double precision there)."""
    return 1.0 / (1.0 + np.exp(np.minimum(-x, 708.0)))


def softmax_array(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """exp(x) / Σ exp(x) along ``axis``, shifted by the maximum so it never overflows."""
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def log_softmax_array(x: np.ndarray, axis: int = -1) -> np.ndarray:
    shifted = x - x.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))


# ---------------------------------------------------------------------- module functions
def _elementwise(name: str, on_array: Callable[[np.ndarray], Any]) -> Callable[[Any], Any]:
    def function(x: Any) -> Any:
        if isinstance(x, Differentiable):
            return getattr(x, name)()
        return on_array(np.asarray(x, dtype=np.float64))

    function.__name__ = function.__qualname__ = name
    function.__doc__ = f"{name} of a Tensor, a Dual, or a plain number or array."
    return function


exp = _elementwise("exp", np.exp)
log = _elementwise("log", np.log)
sqrt = _elementwise("sqrt", np.sqrt)
abs = _elementwise("abs", np.abs)  # shadows the builtin here on purpose: ad.abs(t)
sin = _elementwise("sin", np.sin)
cos = _elementwise("cos", np.cos)
tan = _elementwise("tan", np.tan)
arcsin = _elementwise("arcsin", np.arcsin)
arccos = _elementwise("arccos", np.arccos)
arctan = _elementwise("arctan", np.arctan)
sinh = _elementwise("sinh", np.sinh)
cosh = _elementwise("cosh", np.cosh)
tanh = _elementwise("tanh", np.tanh)
sigmoid = _elementwise("sigmoid", sigmoid_array)
relu = _elementwise("relu", lambda x: np.maximum(x, 0.0))


def softmax(x: Any, axis: int = -1) -> Any:
    """Softmax of a Tensor, a Dual, or a plain array, along ``axis``."""
    if isinstance(x, Differentiable):
        return x.softmax(axis)
    return softmax_array(np.asarray(x, dtype=np.float64), axis)


def log_softmax(x: Any, axis: int = -1) -> Any:
    """log(softmax(x)) of a Tensor, a Dual, or a plain array, along ``axis``."""
    if isinstance(x, Differentiable):
        return x.log_softmax(axis)
    return log_softmax_array(np.asarray(x, dtype=np.float64), axis)


def stack(items: Sequence[Any], axis: int = 0) -> Any:
    """Join same-shaped Tensors (or Duals, or numbers) along a new axis, e.g. model outputs
    built entry by entry as ``[p[0] * x, p[1] + x]``."""
    kinds = {type(item) for item in items if isinstance(item, Differentiable)}
    if not kinds:
        return np.stack([np.asarray(item, dtype=np.float64) for item in items], axis=axis)
    if len(kinds) > 1:
        raise TypeError("stack() cannot mix Tensors and Duals in one call.")
    return kinds.pop()._stack(items, axis)
