"""Pages with personal data are never stored: not by the browser, a proxy or a shared computer.

Every page and export a signed-in person sees may hold personal data (the staff directory,
members' records, their exports, the audit log, who supports which area), so rather than mark
each view, one middleware marks every response to a signed-in request ``Cache-Control:
no-store`` (with Django's other never-cache headers). Anonymous answers (the sign-in page,
static files, the calendar feed at its secret address) keep their own caching.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

__all__ = ["NoStoreForSignedIn"]


class NoStoreForSignedIn:
    """Middleware: ``Cache-Control: no-store`` on every response to a signed-in person.

    It must come after Django's ``AuthenticationMiddleware``, which sets ``request.user``.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response
