"""API tests start with empty rate-limit counters, and post JSON as a browser script would."""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def post_json(client, url: str, body: object, **headers: str):
    return client.post(url, json.dumps(body), content_type="application/json", headers=headers)
