"""API tests post JSON as a browser script would (rate-limit counters start empty: see
tests/web/conftest.py)."""

from __future__ import annotations

import json


def post_json(client, url: str, body: object, **headers: str):
    return client.post(url, json.dumps(body), content_type="application/json", headers=headers)
