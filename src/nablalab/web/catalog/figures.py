"""Pictures that lessons show, served from the module's ``figures/`` folder in the content.

Only plain file names of known image types are served (no paths, so nothing outside the
folder can be named); an SVG opened on its own gets a policy that runs no script in it.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404

from nablalab.course.links import FIGURE_NAME
from nablalab.web.catalog.lookup import site_course

CONTENT_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
                 ".jpeg": "image/jpeg", ".webp": "image/webp", ".gif": "image/gif"}
SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
MAX_AGE = 3600


def figure(request: HttpRequest, module_slug: str, name: str) -> FileResponse:
    if not FIGURE_NAME.match(name):
        raise Http404("No such figure.")
    module = get_object_or_404(site_course().modules, slug=module_slug)
    path = Path(settings.CONTENT_DIR) / f"{module.number:02d}-{module.slug}" / "figures" / name
    if not path.is_file():
        raise Http404("No such figure.")
    response = FileResponse(path.open("rb"), content_type=CONTENT_TYPES[path.suffix.lower()])
    response["Content-Security-Policy"] = SVG_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response
