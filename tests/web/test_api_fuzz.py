"""Schemathesis generates requests from the API's own OpenAPI schema (valid and invalid
bodies, odd strings, huge numbers) against the real Django app: no request may make the
server fail (5xx). Hostile learner input must meet a 4xx with a message, never a crash."""

from __future__ import annotations

import re

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


def _no_server_error_test(operation: str):
    """The fuzz test for one operation, as a function of its own: each has its own name, so
    every operation is a test of its own to pytest-xdist too (the items of one parametrized
    schemathesis test share one node id, and xdist would run only one of them)."""

    @pytest.mark.django_db
    @schema.include(name=operation).parametrize()
    @settings(max_examples=10, deadline=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    def test(case):
        caches["default"].clear()
        response = case.call(headers={"Host": "localhost"})
        case.validate_response(response, checks=[not_a_server_error])

    return test


OPERATIONS = sorted(result.ok().label for result in schema.get_all_operations())
for _operation in OPERATIONS:
    _name = "test_no_generated_request_makes_the_server_fail_" + re.sub(
        r"\W+", "_", _operation.lower()).strip("_")
    globals()[_name] = _no_server_error_test(_operation)
