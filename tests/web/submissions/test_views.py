"""The assignment pages with Django's client: what a learner sees and may do, upload rules,
limits, the hidden-test wording, and that no learner ever sees another's submissions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from nablalab.assignments.notebook import to_notebook
from nablalab.course.content import ItemKind
from nablalab.web.catalog.models import ModuleItem
from nablalab.web.submissions import intake
from nablalab.web.submissions.items import assignment_for
from nablalab.web.submissions.models import Status, Submission
from tests.web.conftest import make_user
from tests.web.submissions.helpers import graded

PAGE = "/assignments/backprop/"
LIST = "/assignments/backprop/submissions/"
STARTER = Path(__file__).resolve().parents[3] / "src/nablalab/assignments/backprop/starter.py"


def test_visitors_are_sent_to_log_in(client, db):
    for url in (PAGE, LIST, "/assignments/", "/assignments/tokens/",
                "/assignments/backprop/files/starter.py"):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_page_has_statement_downloads_and_the_starter_in_the_editor(learner_client):
    page = learner_client.get(PAGE).content.decode()
    assert "<h1>Backpropagation</h1>" in page
    assert "Jacobians" in page  # the statement, rendered
    assert 'href="/assignments/backprop/files/starter.py"' in page
    assert 'href="/assignments/backprop/files/starter.ipynb"' in page
    assert 'data-editor="python"' in page and "def J_b3" in page
    assert "vendor/codemirror/codemirror.js" in page and "<script>" not in page
    assert "No submissions yet." in page


def test_downloads_are_the_starter_files_and_never_the_tests(learner_client):
    response = learner_client.get("/assignments/backprop/files/starter.py")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).decode() == STARTER.read_text()
    assert "attachment" in response["Content-Disposition"]
    notebook = learner_client.get("/assignments/backprop/files/starter.ipynb")
    assert json.loads(b"".join(notebook.streaming_content))["nbformat"] == 4
    for private in ("grading.py", "reference.py", "statement.md", "..%2Fgrading.py"):
        assert learner_client.get(f"/assignments/backprop/files/{private}").status_code == 404
    assert learner_client.get("/assignments/nope/").status_code == 404


def test_submitting_from_the_editor_queues_the_code_and_keeps_it(learner_client, learner):
    code = STARTER.read_text() + "\n# my edit\n"
    response = learner_client.post(PAGE, {"source": code})
    assert response.status_code == 302
    submission = Submission.objects.get(learner=learner)
    assert (submission.status, submission.source, submission.via) == (
        Status.QUEUED, code.replace("\r\n", "\n"), "web")
    page = learner_client.get(PAGE).content.decode()
    assert "queued for grading" in page and "# my edit" in page  # editor holds the last code
    listing = learner_client.get(LIST).content.decode()
    assert 'hx-trigger="every 1s"' in listing and "Waiting for a grader" in listing


def test_graded_submissions_show_points_counts_and_feedback_and_stop_polling(
        learner_client, learner):
    graded(learner, {"public": (3, 3), "hidden": (3, 5)})
    listing = learner_client.get(LIST).content.decode()
    assert "hidden: 3 of 5 passed" in listing and "public: 3 of 3 passed" in listing
    assert "all tests passed" not in listing.lower() and "all passed" not in listing.lower()
    assert "6/8" in listing and "hidden feedback 4" in listing
    assert "hx-trigger" not in listing


def test_all_tests_passed_is_said_only_when_every_test_passed(learner_client, learner):
    graded(learner, {"public": (3, 3), "hidden": (5, 5)})
    listing = learner_client.get(LIST).content.decode()
    assert "hidden: 5 of 5 passed" in listing and "all tests passed" in listing


def test_a_learner_never_sees_another_learners_submissions(learner, other_learner):
    secret = graded(other_learner, {"public": (1, 1), "hidden": (0, 1)})
    Submission.objects.filter(pk=secret.pk).update(source="SECRET_CODE = 42\n")
    client = Client()
    client.force_login(learner)
    for url in (PAGE, LIST):
        page = client.get(url).content.decode()
        assert "SECRET_CODE" not in page and str(secret.public_id) not in page
        assert "No submissions yet." in page


def test_uploads_take_utf8_python_or_notebook_code_cells(learner_client, learner):
    notebook = json.dumps(to_notebook("# %%\ndef J_b3(x, y):\n    return 1\n"))
    response = learner_client.post(PAGE, {"upload": SimpleUploadedFile(
        "work.ipynb", notebook.encode())})
    assert response.status_code == 302
    submission = Submission.objects.get(learner=learner)
    assert submission.filename == "work.ipynb" and "def J_b3" in submission.source
    assert submission.via == "upload" and '"cells"' not in submission.source


@pytest.mark.parametrize(("name", "data", "status", "message"), [
    ("latin1.py", "x = 'café'\n".encode("latin-1"), 400, "is not UTF-8"),
    ("notes.txt", b"x = 1\n", 400, "upload a Python file"),
    ("big.py", b"x = 1\n" * 20_000, 413, "limited to 64 KB"),
    ("empty.py", b"\n\n", 400, "The file is empty"),
    ("broken.ipynb", b"{not json", 400, "not a Jupyter notebook"),
])
def test_bad_uploads_are_refused_with_a_reason(learner_client, learner, name, data, status,
                                               message):
    response = learner_client.post(PAGE, {"upload": SimpleUploadedFile(name, data)})
    assert response.status_code == status
    assert message in response.content.decode()
    assert not Submission.objects.filter(learner=learner).exists()


def test_submissions_are_rate_limited_per_learner(learner_client, learner, settings):
    settings.API_RATES = {**settings.API_RATES, "assignment": "2/min"}
    for _ in range(2):
        assert learner_client.post(PAGE, {"source": "x = 1\n"}).status_code == 302
        Submission.objects.filter(learner=learner).update(status=Status.GRADED)
    response = learner_client.post(PAGE, {"source": "x = 1\n"})
    assert response.status_code == 429 and "too often" in response.content.decode()


def test_at_most_two_submissions_wait_per_learner(learner_client, learner):
    for _ in range(intake.MAX_IN_PROGRESS):
        assert learner_client.post(PAGE, {"source": "x = 1\n"}).status_code == 302
    response = learner_client.post(PAGE, {"source": "x = 1\n"})
    assert response.status_code == 429 and "waiting to be graded" in response.content.decode()


def test_failed_not_your_fault_uses_no_attempt(learner_client, learner, monkeypatch):
    monkeypatch.setattr(intake, "ATTEMPTS_PER_DAY", 2)
    graded(learner, {"public": (0, 1), "hidden": (0, 1)})
    Submission.objects.create(learner=learner, assignment="backprop", filename="a.py",
                              source="x\n", status=Status.FAILED)
    assert intake.attempts_used(learner, "backprop") == 1
    page = learner_client.get(PAGE).content.decode()
    assert "1 of 2 submissions used" in page
    assert "grading failed — not your fault, no attempt used" in page
    assert learner_client.post(PAGE, {"source": "x = 1\n"}).status_code == 302
    response = learner_client.post(PAGE, {"source": "x = 1\n"})
    assert response.status_code == 429 and "used your 2 submissions" in response.content.decode()


def test_every_course_assignment_links_to_its_page(client, course):
    items = ModuleItem.objects.filter(kind=ItemKind.ASSIGNMENT)
    assert items.count() >= 2
    for item in items:
        name = assignment_for(item)
        assert name is not None, f"{item.title} matches no assignment"
        page = client.get(item.get_absolute_url()).content.decode()
        assert f'href="/assignments/{name}/"' in page


def test_other_assignments_are_listed(learner_client):
    page = learner_client.get("/assignments/").content.decode()
    for name in ("backprop", "heights", "newton", "lagrange", "sandpit", "linfit",
                 "finite_differences"):
        assert f'href="/assignments/{name}/"' in page


def test_the_list_partial_of_another_user_is_their_own(db):
    ada, grace = make_user("ada2"), make_user("grace2")
    graded(ada, {"public": (1, 1), "hidden": (1, 1)})
    client = Client()
    client.force_login(grace)
    assert "No submissions yet." in client.get(LIST).content.decode()
