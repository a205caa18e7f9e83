"""Refuse oversized API bodies before anything reads them: answers are short, so the API
allows far less than the site's forms do (``DATA_UPLOAD_MAX_MEMORY_SIZE``)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse

API_PREFIX = "/api/"
MAX_BODY_BYTES = 8 * 1024


class ApiBodyLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(API_PREFIX):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = MAX_BODY_BYTES + 1
            if length > MAX_BODY_BYTES:
                return JsonResponse(
                    {"detail": f"The request body is too large ({length} bytes; at most "
                               f"{MAX_BODY_BYTES}). Send only the answer."}, status=413)
        return self.get_response(request)
