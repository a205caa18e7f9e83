"""Run the public tests of a nablalab assignment on your own file: python public_tests.py FILE.

Needs only NumPy (and SciPy if your code uses it). Grading with hidden tests is done by
`nablalab assignment check`.
"""

import importlib.util
import json
import sys
from pathlib import Path

import nablalab_codec as codec
import numpy as np

HERE = Path(__file__).parent


def main() -> int:
    source = Path(sys.argv[1] if len(sys.argv) > 1 else HERE / "starter.py").resolve()
    spec = importlib.util.spec_from_file_location("submission", source)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    cases = json.loads((HERE / "public_cases.json").read_text())
    passed = 0
    for case in cases:
        for name, value in codec.decode(case["globals"], module).items():
            setattr(module, name, value)
        try:
            got = getattr(module, case["function"])(*codec.decode(case["args"], module))
            expected = codec.decode(case["expected"])
            a, e = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
            if case["ravel"] and a.size == e.size:
                a, e = a.ravel(), e.ravel()
            ok = a.shape == e.shape and np.all(
                np.abs(a - e) <= case["rtol"] * np.abs(e) + case["atol"]
            )
            detail = "" if ok else f"got {a.tolist()}, expected {e.tolist()}"
        except Exception as error:  # report and go on to the next test
            ok, detail = False, f"{type(error).__name__}: {error}"
        passed += bool(ok)
        print(
            f"[{'PASS' if ok else 'FAIL'}] {case['name']}"
            + (f"\n       {detail}" if detail else "")
        )
    print(f"public: {passed} of {len(cases)} passed")
    return 0 if passed == len(cases) else 1


if __name__ == "__main__":
    sys.exit(main())
