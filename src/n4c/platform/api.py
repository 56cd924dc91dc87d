"""The JSON API: mounts each app's django-ninja ``router`` at ``/api/<app>/``, and answers every
app's errors in one shape.

The OpenAPI schema is at ``/api/openapi.json`` and interactive docs at ``/api/docs``, both for
the Network's staff only; the docs' scripts are served from the platform, not a CDN. Every
endpoint needs a signed-in session (and, for changes, the CSRF token).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import wraps
from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.request import RawPostDataException
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from ninja import NinjaAPI, Schema, Swagger
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaError
from ninja.security import django_auth
from pydantic import Field

from n4c.errors import InputError
from n4c.platform.areas.api import regions_router
from n4c.platform.core.conflicts import SAME_MOMENT, ConflictError
from n4c.platform.people.access import is_staff_role


class _PlatformAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(**kwargs)
        _document_errors(schema)
        return schema


def _staff_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The docs page and the schema are for the Network's staff, as the report is."""

    @wraps(view)
    def for_staff(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        is_schema = request.path.endswith(".json")
        if not request.user.is_authenticated:
            if is_schema:
                return _error_response(request, 401, _(_NOT_SIGNED_IN))
            return redirect_to_login(request.get_full_path())
        if not is_staff_role(request.user):
            message = _("The API's documentation is for the Network's staff.")
            if is_schema:
                return _error_response(request, 403, message)
            raise PermissionDenied(message)
        return view(request, *args, **kwargs)

    return for_staff


api = _PlatformAPI(
    title="n4c platform API",
    version="1",
    description="Areas, caseloads, support logs and plans of the Network for Communities.",  # untranslated: the schema is for developers
    auth=django_auth,
    urls_namespace="api",
    # Swagger UI from ninja's own static files (ninja is in INSTALLED_APPS), not from a CDN;
    # no validator, so the page loads nothing from elsewhere.
    docs=Swagger(settings={"validatorUrl": None}),
    docs_decorator=_staff_only,
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


@api.exception_handler(RawPostDataException)
def _form_where_json_is_expected(request, exc: RawPostDataException):
    # A form's body is read as the form (by RefuseNulCharactersMiddleware) before the endpoint
    # asks for it as JSON, so a form sent where JSON is expected ends here.
    return _error_response(
        request,
        422,
        _("Send the body as JSON, with the header Content-Type: application/json."),
        loc=["body"],
    )


_NOT_SIGNED_IN = gettext_noop("Sign in first: the API answers signed-in sessions only.")


@api.exception_handler(AuthenticationError)
def _not_signed_in(request, exc: AuthenticationError):
    return _error_response(request, 401, _(_NOT_SIGNED_IN))


@api.exception_handler(PermissionDenied)
def _permission_denied(request, exc: PermissionDenied):
    return _error_response(request, 403, str(exc) or _("You do not have permission to do that."))


@api.exception_handler(Http404)
def _not_found(request, exc: Http404):
    return _error_response(request, 404, str(exc) or _("There is nothing at this address."))


@api.exception_handler(IntegrityError)
def _conflict(request, exc: IntegrityError):
    # A uniqueness rule no service names (services turn theirs into their own refusal with
    # n4c.platform.core.conflicts.unique_or), broken by a change made at the same moment.
    return _error_response(request, 409, _(SAME_MOMENT))


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    return _error_response(
        request, exc.status_code, str(exc), type=_TYPE_OF_STATUS.get(exc.status_code, "error")
    )


# The schema documents the one error shape on every operation, with the statuses it can answer.
class ProblemOut(Schema):
    loc: list[str | int] = Field(
        description='Where the problem is: "body", "query" or "path", then the field; empty for the whole request.'  # untranslated: the API schema
    )
    msg: str = Field(
        description="A sentence saying what is wrong and what to do."  # untranslated: the API schema
    )
    type: str = Field(
        description="A code a program can tell errors apart by, e.g. not_found."  # untranslated: the API schema
    )


class ErrorOut(Schema):
    detail: list[ProblemOut]


# The schema is read by developers, in English; the answers themselves are translated.
_ERROR_STATUSES = {
    400: "The request holds a NUL character, which the platform cannot store.",  # untranslated: schema
    401: "Not signed in.",  # untranslated: schema
    403: "Signed in, but this is not yours to see or change.",  # untranslated: schema
    404: "Nothing at this address, or nothing you may see.",  # untranslated: schema
    409: "Someone changed this at the same moment; reload and try again.",  # untranslated: schema
    422: "A parameter or field does not follow its rule.",  # untranslated: schema
}
_CHANGES = ("post", "put", "patch", "delete")


def _error_statuses(method: str, operation: dict) -> list[int]:
    statuses = [400, 401, 403]
    parameters = operation.get("parameters", [])
    if any(p["in"] == "path" for p in parameters):
        statuses.append(404)
    if method in _CHANGES:
        statuses.append(409)
    if parameters or "requestBody" in operation:
        statuses.append(422)
    return statuses


def _document_errors(schema: Any) -> None:
    error_schema = ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}")
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.update(error_schema.pop("$defs", {}))
    components["ErrorOut"] = error_schema
    content = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}
    for methods in schema["paths"].values():
        for method, operation in methods.items():
            responses = operation.setdefault("responses", {})
            for status in _error_statuses(method, operation):
                responses.setdefault(
                    status, {"description": _ERROR_STATUSES[status], "content": content}
                )
