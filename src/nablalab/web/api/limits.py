"""Refuse oversized API bodies before anything reads them: answers are short, so the API
allows far less than the site's forms do (``DATA_UPLOAD_MAX_MEMORY_SIZE``); pasted data for
an exploration and a submitted program get the room they need, and no more."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse

API_PREFIX = "/api/"
MAX_BODY_BYTES = 8 * 1024
# Longer allowances by path prefix (the longest matching prefix wins), with what they carry.
ALLOWANCES: dict[str, tuple[int, str]] = {
    "/api/widgets/": (64 * 1024, "the data or function"),
    "/api/assignments/": (160 * 1024, "the program (at most 64 KB of code)"),
}


class ApiBodyLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(API_PREFIX):
            limit, what = body_limit(request.path)
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = limit + 1
            if length > limit:
                return JsonResponse(
                    {"detail": f"The request body is too large ({length} bytes; at most "
                               f"{limit}). Send only {what}."}, status=413)
        return self.get_response(request)


def body_limit(path: str) -> tuple[int, str]:
    matches = [prefix for prefix in ALLOWANCES if path.startswith(prefix)]
    if not matches:
        return MAX_BODY_BYTES, "the answer"
    return ALLOWANCES[max(matches, key=len)]
