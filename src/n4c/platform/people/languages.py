"""A person's language: chosen in the footer of every page, remembered in a cookie and, for a
signed-in person, on their profile, so that it follows them to another device when they sign in.

English is the default; the languages are ``settings.LANGUAGES`` and their translations are in
``n4c/platform/locale`` (README "Languages")."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from n4c.platform.people.models import Profile

__all__ = ["choose_language", "remember_language"]


@require_POST
def choose_language(request: HttpRequest) -> HttpResponse:
    """Django's ``set_language`` (the cookie, then back to ``next``), and the profile too."""
    response = set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and translation.check_for_language(language):
        Profile.objects.filter(user=request.user).update(language=language)
    return response


def remember_language(request: HttpRequest, response: HttpResponse, user=None) -> None:
    """On signing in (or opening a link to set a password, for ``user``), the language saved on
    the person's profile, for this and later pages."""
    who = user if user is not None else request.user
    language = Profile.objects.filter(user=who).values_list("language", flat=True).first()
    if not language or not translation.check_for_language(language):
        return
    translation.activate(language)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
