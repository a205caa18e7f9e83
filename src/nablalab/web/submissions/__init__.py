"""Programming-assignment submissions: the assignment pages, the learner's submissions and
their grading state, API tokens for the command line, and the JSON API the CLI talks to.

Grading itself happens in ``nablalab.queue`` (workers running the sandboxed grader)."""
