"""The only grading code that runs INSIDE the sandbox: import the learner's file, call what it is
asked to call, and send back values — nothing else.

It is copied alone into the sandbox (it must never import nablalab), reads one JSON request
on stdin and writes JSON lines on its private copy of stdout: {"start": id} before each call,
then {"id", "ok", "value" | "error"}. The harness outside compares the values, so nothing
the learner does in here can make a test pass. The same file is imported by the harness for
the value codec, so both sides encode arrays and callables the same way.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import traceback
from typing import Any

# Functions the harness may pass as arguments, by name; only numpy is needed to evaluate them.
# The harness differentiates the same functions exactly (SymPy) outside the sandbox.


def _spherical(v: Any) -> Any:
    import numpy as np

    r, theta, phi = v
    return np.array(
        [r * np.cos(theta) * np.sin(phi), r * np.sin(theta) * np.sin(phi), r * np.cos(phi)]
    )


def _swirl(v: Any) -> Any:
    import numpy as np

    x, y = v
    return np.array([x**2 * y, np.exp(x) * np.sin(y), x - y**3])


def _cubic_quiz(v: Any) -> Any:
    x, y = v
    return x**3 * y + x + 2 * y


def _exp_cos(v: Any) -> Any:
    import numpy as np

    x, y, z = v
    return x * np.exp(y) + y**2 * np.cos(z)


def _bowl(v: Any) -> Any:
    import numpy as np

    x, y = v
    return np.sin(x) * np.cos(y) + 0.5 * x**2 * y**2 - np.exp(-x * y)


NAMED_FUNCTIONS = {
    "spherical": _spherical,
    "swirl": _swirl,
    "cubic_quiz": _cubic_quiz,
    "exp_cos": _exp_cos,
    "bowl": _bowl,
}


def encode(value: Any) -> Any:
    """A JSON-ready form of numbers, arrays, lists, tuples and dicts (arrays keep their shape)."""
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    if hasattr(value, "__wire__"):  # a callable the harness refers to (see grader.spec)
        return value.__wire__()
    if isinstance(value, list | tuple):
        return {"__seq__": [encode(v) for v in value], "tuple": isinstance(value, tuple)}
    if isinstance(value, dict):
        return {"__dict__": {str(k): encode(v) for k, v in value.items()}}
    if isinstance(value, complex):
        return {"__complex__": [value.real, value.imag]}
    if type(value).__module__ == "numpy" or hasattr(value, "__array__"):
        import numpy as np

        array = np.asarray(value)
        if array.dtype.kind in "biuf":
            return {"__ndarray__": array.astype(float).ravel().tolist(), "shape": array.shape}
        if array.dtype.kind == "c":
            return {"__complex__": [encode(array.real), encode(array.imag)]}
    return {"__unsupported__": type(value).__name__}


def decode(value: Any, module: Any = None) -> Any:
    """The inverse of ``encode``, plus references to callables the harness may send."""
    if not isinstance(value, dict):
        return value
    if "__ndarray__" in value:
        import numpy as np

        return np.array(value["__ndarray__"], dtype=float).reshape(value["shape"])
    if "__seq__" in value:
        items = [decode(v, module) for v in value["__seq__"]]
        return tuple(items) if value["tuple"] else items
    if "__dict__" in value:
        return {k: decode(v, module) for k, v in value["__dict__"].items()}
    if "__complex__" in value:
        real, imag = (decode(v, module) for v in value["__complex__"])
        return real + 1j * imag
    if "__polynomial__" in value:
        from numpy.polynomial import Polynomial

        return Polynomial(value["__polynomial__"])
    if "__function__" in value:
        return NAMED_FUNCTIONS[value["__function__"]]
    if "__learner_function__" in value:
        return getattr(module, value["__learner_function__"])
    return value


def _describe(error: BaseException) -> str:
    """The error as the learner would see it: type, message and the lines of their file."""
    frames = [
        f"  line {frame.lineno} in {frame.name}: {(frame.line or '').strip()}"
        for frame in traceback.extract_tb(error.__traceback__)
        if frame.filename.endswith("submission.py")
    ]
    if isinstance(error, SystemExit):
        head = f"your code called sys.exit({error.code!r})"
    else:
        head = f"{type(error).__name__}: {error}"
    return "\n".join([head, *frames[-3:]])


def main() -> None:
    # Keep a private channel for results; whatever the learner prints goes to stderr.
    channel = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    request = json.loads(sys.stdin.read())
    sys.path.extend(request["path"])

    def send(message: dict[str, Any]) -> None:
        channel.write(json.dumps(message) + "\n")
        channel.flush()

    send({"start": "import"})
    try:
        spec = importlib.util.spec_from_file_location("submission", request["module"])
        module = importlib.util.module_from_spec(spec)
        sys.modules["submission"] = module
        spec.loader.exec_module(module)
    except BaseException as error:  # the learner's file itself failed, even by sys.exit
        send({"id": "import", "ok": False, "error": _describe(error)})
        return
    send({"id": "import", "ok": True, "value": None})

    for call in request["calls"]:
        send({"start": call["id"]})
        try:
            function = getattr(module, call["function"], None)
            if not callable(function):
                raise LookupError(f"there is no function {call['function']} in your code")
            for name, value in decode(call.get("globals", {"__dict__": {}}), module).items():
                setattr(module, name, value)
            args = decode(call["args"], module)
            answer = {"id": call["id"], "ok": True, "value": encode(function(*args))}
        except BaseException as error:
            answer = {"id": call["id"], "ok": False, "error": _describe(error),
                      "kind": type(error).__name__}
        send(answer)


if __name__ == "__main__":
    main()
