"""The programming assignments: statements, starter code, tests and local grading."""

from nablalab.assignments.catalog import NAMES, UnknownAssignment, learner_files, load
from nablalab.assignments.checker import Checker

__all__ = ["NAMES", "Checker", "UnknownAssignment", "learner_files", "load"]
