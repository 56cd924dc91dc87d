"""Requests holding a NUL character are refused before any view sees them.

PostgreSQL cannot store a NUL (the zero character) in text, and refuses the whole statement, so
one pasted into a form, a JSON body or an uploaded CSV file would fail as a server error, and
SQLite would store text that no other tool reads back the same. No field of the platform has a
use for it. :class:`RefuseNulCharactersMiddleware` answers 400 with the field that held it: the
API in its one error shape, pages as plain text. An uploaded file's contents are left to its
importer, which reads every file through :mod:`n4c.textfiles` and refuses a NUL naming the row,
on the form the person filled in; only the file's name is checked here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any, Final

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

__all__ = ["NUL_MESSAGE", "RefuseNulCharactersMiddleware", "nul_location"]

NUL: Final = "\x00"
#: Where urls.py mounts the JSON API, whose answers keep the API's error shape.
API_PREFIX: Final = "/api/"
#: The refusal naming a field; :func:`_refusal` words the others.
NUL_MESSAGE: Final = gettext_noop(
    'Remove the NUL character (a zero byte) from "%(field)s" and try again: '
    "the platform cannot store it."
)
_FORMS: Final = ("multipart/form-data", "application/x-www-form-urlencoded")


class RefuseNulCharactersMiddleware:
    """Answer 400 to a request with a NUL in its address, query string, form or JSON."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        loc = nul_location(request)
        if loc is None:
            return self.get_response(request)
        # This runs before LocaleMiddleware, so it chooses the request's language itself.
        with translation.override(translation.get_language_from_request(request)):
            message = _refusal(loc)
        if request.path.startswith(API_PREFIX):
            problem = {"loc": loc, "msg": message, "type": "nul_character"}
            return JsonResponse({"detail": [problem]}, status=400)
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


def _refusal(loc: list[str]) -> str:
    if len(loc) > 1:
        return _(NUL_MESSAGE) % {"field": loc[-1]}
    if loc[0] == "path":
        return _(
            "Remove the NUL character (a zero byte) from the request's path and try again: "
            "the platform cannot store it."
        )
    return _(
        "Remove the NUL character (a zero byte) from the request's body and try again: "
        "the platform cannot store it."
    )


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
            if NUL in (upload.name or ""):
                return ["body", name]
    return None


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
