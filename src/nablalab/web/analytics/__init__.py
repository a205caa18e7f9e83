"""Instructor analytics: how each question fares and how each learner progresses, computed
from the quiz and learning tables with a fixed number of aggregate queries."""
