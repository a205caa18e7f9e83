"""Schemathesis generates requests from the API's own OpenAPI schema (valid and invalid
bodies, odd strings, huge numbers) against the real Django app: no request may make the
server fail (5xx). Hostile learner input must meet a 4xx with a message, never a crash."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from nablalab.web.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@pytest.fixture(autouse=True)
def _generous_limits(settings):
    rates = {name: "1000000/min" for name in settings.API_RATES}
    settings.API_RATES = rates


@pytest.fixture(autouse=True)
def _keep_the_test_transaction():
    """Schemathesis calls the WSGI app directly, so Django's request signals would close the
    database connection holding the test's transaction (its test client unhooks them too)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=10, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_generated_request_makes_the_server_fail(case):
    caches["default"].clear()
    response = case.call(headers={"Host": "localhost"})
    case.validate_response(response, checks=[not_a_server_error])
