"""The platform's addresses: each app's pages under ``/<app>/``, the API under ``/api/``."""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from n4c.platform.api import api
from n4c.platform.home import views as home_views
from n4c.platform.people.languages import choose_language
from n4c.platform.people.views import SetPasswordView, ThrottledLoginView, logout_view


def _app_urls() -> list:
    patterns = []
    for dotted in settings.PLATFORM_APPS:
        if find_spec(f"{dotted}.urls") is None:
            continue
        module = import_module(f"{dotted}.urls")
        label = dotted.rsplit(".", 1)[1]
        # An app may share another's prefix (the community-rights apps all answer under /assets/).
        prefix = getattr(module, "url_prefix", label.replace("_", "-"))
        patterns.append(path(f"{prefix}/", include(module, namespace=label)))
    return patterns


urlpatterns = [
    # Each role's home (see n4c.platform.home).
    path("", home_views.home, name="home"),
    path("accounts/login/", ThrottledLoginView.as_view(), name="login"),
    path("accounts/logout/", logout_view, name="logout"),
    # New staff choose their own password through a one-time link (see people.services).
    path("accounts/set-password/<uidb64>/<token>/", SetPasswordView.as_view(), name="set_password"),
    path(
        "accounts/set-password/done/",
        TemplateView.as_view(template_name="registration/set_password_done.html"),
        name="set_password_done",
    ),
    # Everyone chooses their language, signed in or not (a form in every page's footer).
    path("language/", choose_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    # The areas app serves the region pages (they list areas); they keep their own address.
    path("regions/", include("n4c.platform.areas.region_urls", namespace="regions")),
    *_app_urls(),
]
