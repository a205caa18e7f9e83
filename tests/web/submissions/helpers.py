"""Shared builders for the submissions tests: graded rows with a given report."""

from __future__ import annotations

from nablalab.web.submissions.models import Status, Submission


def graded(learner: object, passed: dict[str, tuple[int, int]],
           assignment: str = "backprop") -> Submission:
    """A graded submission whose report has ``passed`` = {"public": (k, n), "hidden": (k, n)},
    one point per test; failed tests carry feedback."""
    tests = []
    for kind, (ok, total) in passed.items():
        tests += [{"name": f"{kind} test {i + 1}", "public": kind == "public",
                   "passed": i < ok, "points": int(i < ok), "max_points": 1,
                   "message": "" if i < ok else f"{kind} feedback {i + 1}"} for i in range(total)]
    points = sum(t["points"] for t in tests)
    report = {"assignment": assignment, "points": points, "max_points": len(tests),
              "score": points / len(tests), "problem": "", "warnings": [], "tests": tests,
              "public": {"passed": passed["public"][0], "total": passed["public"][1]},
              "hidden": {"passed": passed["hidden"][0], "total": passed["hidden"][1]},
              "summary": ""}
    return Submission.objects.create(
        learner=learner, assignment=assignment, filename="mine.py", source="def f(): pass\n",
        status=Status.GRADED, report=report, points=points, max_points=len(tests),
        score=points / len(tests))
