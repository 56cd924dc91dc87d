"""Requests holding a NUL character are refused before any view sees them.

PostgreSQL cannot store a NUL (the zero character) in text, and refuses the whole statement, so
one pasted into a form, a JSON body or an uploaded CSV file would fail as a server error, and
SQLite would store text that no other tool reads back the same. No field of the platform has a
use for it. :class:`RefuseNulCharactersMiddleware` answers 400 with the field that held it: the
API in its one error shape, pages as plain text. An uploaded file is text (CSV), so one with a
zero byte is refused too, unless it is an image (a local measure's photo), whose bytes are kept
as bytes and whose format the upload's first bytes say.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any, Final

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse

__all__ = ["NUL_MESSAGE", "RefuseNulCharactersMiddleware", "nul_location"]

NUL: Final = "\x00"
#: Where urls.py mounts the JSON API, whose answers keep the API's error shape.
API_PREFIX: Final = "/api/"
NUL_MESSAGE: Final = (
    "Remove the NUL character (a zero byte) from {where} and try again: "
    "the platform cannot store it."
)
_FORMS: Final = ("multipart/form-data", "application/x-www-form-urlencoded")
# The first bytes of JPEG, PNG and GIF images; WebP's are "RIFF", 4 bytes of size, "WEBP".
_IMAGE_SIGNATURES: Final = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a")


class RefuseNulCharactersMiddleware:
    """Answer 400 to a request with a NUL in its address, query string, form, JSON or file."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        loc = nul_location(request)
        if loc is None:
            return self.get_response(request)
        where = f'"{loc[-1]}"' if len(loc) > 1 else f"the request's {loc[0]}"
        message = NUL_MESSAGE.format(where=where)
        if request.path.startswith(API_PREFIX):
            problem = {"loc": loc, "msg": message, "type": "nul_character"}
            return JsonResponse({"detail": [problem]}, status=400)
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


def nul_location(request: HttpRequest) -> list[str] | None:
    """Where ``request`` holds a NUL, as an API error's ``loc``; ``None`` when nowhere."""
    if NUL in request.path:
        return ["path"]
    for name, values in request.GET.lists():
        if NUL in name or any(NUL in value for value in values):
            return ["query", name.replace(NUL, "")]
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return None
    if request.content_type in _FORMS:
        return _form_location(request)
    body = request.body
    if b"\x00" in body:
        return ["body"]
    # JSON may spell the character as an escape, which only parsing reveals.
    if b"\\u0000" in body.lower():
        try:
            document = json.loads(body)
        except ValueError:
            return None  # the API reports the malformed JSON itself
        return next(_json_locations(document, ["body"]), None)
    return None


def _form_location(request: HttpRequest) -> list[str] | None:
    for name, values in request.POST.lists():
        if NUL in name or any(NUL in value for value in values):
            return ["body", name.replace(NUL, "")]
    for name, files in request.FILES.lists():
        for upload in files:
            found = not _is_image(upload) and any(b"\x00" in chunk for chunk in upload.chunks())
            upload.seek(0)
            if found or NUL in (upload.name or ""):
                return ["body", name]
    return None


def _is_image(upload) -> bool:
    """Whether the file starts as an image does; its content is checked where it is kept."""
    head = upload.read(12)
    upload.seek(0)
    if head.startswith(b"RIFF"):
        return head[8:12] == b"WEBP"
    return head.startswith(_IMAGE_SIGNATURES)


def _json_locations(value: Any, loc: list[str]) -> Iterator[list[str]]:
    if isinstance(value, str):
        if NUL in value:
            yield loc
    elif isinstance(value, dict):
        for key, item in value.items():
            if NUL in key:
                yield loc
            yield from _json_locations(item, [*loc, key])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _json_locations(item, [*loc, str(index)])
