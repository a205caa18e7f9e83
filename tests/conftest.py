"""Shared test set-up."""

from nablalab.mathinput import parse

# The parser raises Python's recursion limit on first use (see nablalab.mathinput); do that
# before any test runs, so hypothesis, which watches the limit during each test, sees it steady.
parse("x")
