"""The JSON API: mounts each app's django-ninja ``router`` at ``/api/<app>/``, and answers every
app's errors in one shape.

The OpenAPI schema is at ``/api/openapi.json`` and interactive docs at ``/api/docs``. Every
endpoint needs a signed-in session (and, for changes, the CSRF token).
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaError
from ninja.security import django_auth

from n4c.errors import InputError
from n4c.platform.areas.api import regions_router
from n4c.platform.core.conflicts import SAME_MOMENT, ConflictError

api = NinjaAPI(
    title="n4c platform API",
    version="1",
    description="Areas, caseloads, support logs and plans of the Network for Communities.",
    auth=django_auth,
    urls_namespace="api",
)

for _dotted in settings.PLATFORM_APPS:
    if find_spec(f"{_dotted}.api") is not None:
        _module = import_module(f"{_dotted}.api")
        # An app may share another's prefix, as the community-rights apps share /api/assets/.
        _prefix = getattr(_module, "url_prefix", _dotted.rsplit(".", 1)[1].replace("_", "-"))
        api.add_router(f"/{_prefix}/", _module.router)
# The areas app serves the regions (each with its areas) at their own address.
api.add_router("/regions/", regions_router)


# One error shape for every app, the shape django-ninja gives a request that fails its schema:
#   {"detail": [{"loc": ["body", "field"], "msg": "A sentence to act on.", "type": "code"}]}
# Apps raise (PermissionDenied, Http404, ValidationError, InputError); none builds a response.
_TYPE_OF_STATUS = {
    400: "bad_request",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    409: "conflict",
    422: "invalid",
}


def _error_response(
    request: HttpRequest, status: int, msg: str, *, loc: Sequence[str] = (), type: str = ""
) -> HttpResponse:
    """The one error answer: ``status`` with one problem at ``loc``."""
    return _problems_response(
        request, status, [{"loc": list(loc), "msg": msg, "type": type or _TYPE_OF_STATUS[status]}]
    )


def _problems_response(request: HttpRequest, status: int, problems: list[dict]) -> HttpResponse:
    return api.create_response(request, {"detail": problems}, status=status)


@api.exception_handler(SchemaError)
def _schema_error(request, exc: SchemaError):
    problems = [
        {"loc": list(error["loc"]), "msg": error["msg"], "type": error["type"]}
        for error in exc.errors
    ]
    return _problems_response(request, 422, problems)


def _validation_problems(exc: ValidationError, default_type: str) -> list[dict]:
    fields = exc.error_dict.items() if hasattr(exc, "error_dict") else [("__all__", exc.error_list)]
    return [
        {
            "loc": ["body"] if field == "__all__" else ["body", field],
            "msg": message,
            "type": error.code or default_type,
        }
        for field, errors in fields
        for error in errors
        for message in error.messages
    ]


@api.exception_handler(ValidationError)
def _validation_error(request, exc: ValidationError):
    return _problems_response(request, 422, _validation_problems(exc, "invalid"))


@api.exception_handler(ConflictError)
def _conflict_error(request, exc: ConflictError):
    # Another change made at the same moment got there first (n4c.platform.core.conflicts).
    return _problems_response(request, 409, _validation_problems(exc, "conflict"))


@api.exception_handler(InputError)
def _input_error(request, exc: InputError):
    loc = ["body", exc.field] if exc.field else ["body"]
    return _error_response(
        request, 422, exc.message, loc=loc, type=getattr(exc, "code", None) or ""
    )


@api.exception_handler(AuthenticationError)
def _not_signed_in(request, exc: AuthenticationError):
    return _error_response(request, 401, "Sign in first: the API answers signed-in sessions only.")


@api.exception_handler(PermissionDenied)
def _permission_denied(request, exc: PermissionDenied):
    return _error_response(request, 403, str(exc) or "You do not have permission to do that.")


@api.exception_handler(Http404)
def _not_found(request, exc: Http404):
    return _error_response(request, 404, str(exc) or "There is nothing at this address.")


@api.exception_handler(IntegrityError)
def _conflict(request, exc: IntegrityError):
    # A uniqueness rule no service names (services turn theirs into their own refusal with
    # n4c.platform.core.conflicts.unique_or), broken by a change made at the same moment.
    return _error_response(request, 409, SAME_MOMENT)


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    return _error_response(
        request, exc.status_code, str(exc), type=_TYPE_OF_STATUS.get(exc.status_code, "error")
    )
