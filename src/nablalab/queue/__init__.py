"""The grading queue: Huey carries submission ids from the web app to workers, which grade
them in the sandbox and store the results through ``nablalab.web.submissions.lifecycle``.

Embedded default: Huey on SQLite in the data dir (no server; queued work survives a restart).
At scale: ``NABLALAB_QUEUE_URL=redis://host:6379/0`` and any number of ``nablalab worker``
processes, on any machine that reaches Redis and the database. Needs Django configured.
"""
