"""Run in a subprocess against a real data dir (the one the workers use): create a learner
and submissions through the app's own intake (saved, then enqueued on commit).

    python -m tests.queue.driver DATA_DIR ASSIGNMENT SOURCE_FILE COUNT   -> JSON list of ids
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from nablalab.web.prepare import configure_django


def main(data_dir: str, assignment: str, source_file: str, count: int) -> list[int]:
    configure_django(Path(data_dir))
    from django.contrib.auth.models import User

    from nablalab.web.submissions import intake

    intake.MAX_IN_PROGRESS = 10**6  # the queue tests fill the queue on purpose
    source = intake.from_editor(Path(source_file).read_text())
    ids = []
    for number in range(count):
        learner, _ = User.objects.get_or_create(username=f"queue-learner-{number}")
        ids.append(intake.accept(learner, assignment, source, via="cli").pk)
    return ids


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))))
