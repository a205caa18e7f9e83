"""Health and readiness probes, request ids in responses and logs, Prometheus metrics."""

from __future__ import annotations

import json
import logging

import pytest

from nablalab.web.ops import health
from nablalab.web.ops.logs import JsonFormatter
from nablalab.web.ops.requestid import RequestIdFilter, current_request_id

pytestmark = pytest.mark.django_db


def test_liveness_needs_nothing(client):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_readiness_checks_the_database_the_queue_and_the_sandbox(client):
    response = client.get("/readyz")
    data = response.json()
    assert response.status_code == 200, data
    assert set(data["checks"]) == {"database", "queue", "sandbox"}
    assert all(check["ok"] and check["ms"] >= 0 for check in data["checks"].values())
    assert "task(s) waiting" in data["checks"]["queue"]["detail"]


def test_a_failing_dependency_makes_the_server_not_ready(client, monkeypatch):
    def broken() -> str:
        raise ConnectionError("database unreachable")
    monkeypatch.setitem(health.CHECKS, "database", broken)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == {
        "ok": False, "detail": "ConnectionError: database unreachable",
        "ms": response.json()["checks"]["database"]["ms"]}


def test_every_response_carries_a_request_id_and_keeps_the_proxys(client):
    fresh = client.get("/healthz")["X-Request-ID"]
    assert len(fresh) == 32
    assert client.get("/healthz", HTTP_X_REQUEST_ID="nginx-abc12345")[
        "X-Request-ID"] == "nginx-abc12345"
    assert client.get("/healthz", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"] != "<script>"


def test_log_lines_are_json_with_the_request_id():
    token = current_request_id.set("req-12345678")
    try:
        record = logging.LogRecord("nablalab", logging.ERROR, __file__, 1, "grading %s",
                                   ("failed",), None)
        RequestIdFilter().filter(record)
    finally:
        current_request_id.reset(token)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "grading failed" and line["request_id"] == "req-12345678"
    assert line["level"] == "ERROR" and line["time"].endswith("+00:00")


def test_metrics_count_requests_checks_and_the_queue(client):
    client.post("/api/check", {"question": "product-rule-x2-sin", "answer": "2x"},
                content_type="application/json")
    text = client.get("/metrics").content.decode()
    assert "django_http_requests_latency_seconds_by_view_method" in text
    assert "nablalab_check_seconds_count" in text
    assert "nablalab_queue_depth" in text


@pytest.mark.parametrize(("error", "status", "says"), [
    ("OperationalError", 503, "The course is briefly unavailable"),
    ("InterfaceError", 503, "The course is briefly unavailable"),
    ("IntegrityError", 500, "Something went wrong on our side"),
    ("ValueError", 500, "Something went wrong on our side"),
])
def test_a_page_that_fails_on_the_database_says_the_course_is_briefly_unavailable(
        client, monkeypatch, error, status, says):
    """A page whose database is restarting tells the learner so, and when to retry; any other
    failure is still the plain 500 page. Neither page needs the database."""
    import builtins

    from django import db

    from nablalab.web.catalog import views
    kind = getattr(db, error, None) or getattr(builtins, error)

    def down(*args, **kwargs):
        raise kind("server closed the connection unexpectedly")
    monkeypatch.setattr(views, "site_course", down)
    client.raise_request_exception = False
    response = client.get("/modules/no-such-module/")
    assert response.status_code == status
    assert says in response.content.decode()
    assert (response.get("Retry-After") == "5") == (status == 503)


@pytest.mark.parametrize(("error", "status", "says"), [
    ("OperationalError", 503, "briefly unavailable"),
    ("ValueError", 500, "Something went wrong on our side"),
])
def test_an_api_request_failing_around_its_view_still_gets_json(client, monkeypatch, error,
                                                                 status, says):
    """Saving the session after the view, say: the API's own handler never sees that."""
    import builtins

    from django import db
    from django.contrib.sessions.middleware import SessionMiddleware
    kind = getattr(db, error, None) or getattr(builtins, error)

    def fails(self, request, response):
        raise kind("server closed the connection unexpectedly")
    monkeypatch.setattr(SessionMiddleware, "process_response", fails)
    client.raise_request_exception = False
    response = client.post("/api/validate", '{"answer": "x"}', content_type="application/json")
    assert response.status_code == status
    assert says in response.json()["detail"]
    assert (response.get("Retry-After") == "5") == (status == 503)
