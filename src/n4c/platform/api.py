"""The JSON API: mounts each app's django-ninja ``router`` at ``/api/<app>/`` and nothing else.

The OpenAPI schema is at ``/api/openapi.json`` and interactive docs at ``/api/docs``. Every
endpoint needs a signed-in session (and, for changes, the CSRF token).
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from ninja import NinjaAPI
from ninja.security import django_auth

from n4c.errors import InputError

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


# One error shape for every app: 422 with the field's location and the same sentence the form
# shows; 403 with the reason.
@api.exception_handler(ValidationError)
def _validation_error(request, exc: ValidationError):
    if hasattr(exc, "error_dict"):
        detail = [
            {"loc": ["body", field], "msg": message}
            for field, messages in exc.message_dict.items()
            for message in messages
        ]
    else:
        detail = [{"loc": ["body"], "msg": message} for message in exc.messages]
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(InputError)
def _input_error(request, exc: InputError):
    loc = ["body", exc.field] if exc.field else ["body"]
    return api.create_response(request, {"detail": [{"loc": loc, "msg": exc.message}]}, status=422)


@api.exception_handler(PermissionDenied)
def _permission_denied(request, exc: PermissionDenied):
    message = str(exc) or "You do not have permission to do that."
    return api.create_response(request, {"detail": message}, status=403)
