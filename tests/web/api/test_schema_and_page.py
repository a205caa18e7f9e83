"""The OpenAPI schema, and the lesson page's "try it" box (which must not reveal the answer)."""

from __future__ import annotations

import re

from django.urls import reverse

LESSON = "/modules/what-is-calculus/lessons/product-rule/"


def test_the_openapi_schema_describes_both_operations_and_their_limits(client, db):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/validate", "/api/check"} <= set(schema["paths"])
    components = schema["components"]["schemas"]
    assert components["CheckIn"]["properties"]["answer"]["maxLength"] == 500
    assert components["CheckIn"]["additionalProperties"] is False
    assert "expected" not in components["CheckIn"]["properties"]
    responses = schema["paths"]["/api/check"]["post"]["responses"]
    assert {"200", "403", "404", "422", "429"} <= set(responses)


def test_the_api_urls_are_named(db):
    assert reverse("api:validate") == "/api/validate"
    assert reverse("api:check") == "/api/check"


def test_a_lesson_with_a_try_it_shows_the_form_but_not_the_answer(client, db):
    page = client.get(LESSON).content.decode()
    form = re.search(r'<form class="tryit" data-tryit="product-rule-x2-sin".*?</form>', page,
                     flags=re.S)
    assert form is not None
    assert 'data-variables="x"' in form.group(0) and 'name="answer"' in form.group(0)
    assert "x^2*cos(x)" not in page and "x^2\\cos" not in page
    assert "product of the two derivatives" not in page  # mistake feedback stays server-side
    assert 'id="tryit-api"' in page and 'data-check-url="/api/check"' in page
    assert re.search(r'data-csrf-token="[A-Za-z0-9]{32,}"', page)
    assert "nablalab/js/tryit.js" in page and "<script>" not in page


def test_a_lesson_without_try_its_or_widgets_loads_neither_script(client, db):
    from nablalab.course.markdown import render_markdown
    from nablalab.web.catalog.models import Lesson
    lesson = Lesson.objects.get(module__number=1, slug="functions")
    lesson.body_html, lesson.widgets = render_markdown("Only text, and $x^2$."), []
    lesson.save()
    page = client.get("/modules/what-is-calculus/lessons/functions/").content.decode()
    assert "tryit.js" not in page and "tryit-api" not in page
    assert "plotly" not in page and "widget-api" not in page
